"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import {
  applyServerErrors,
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { toE164 } from "@/lib/customers/phone";
import { customerKeys } from "@/lib/customers/query-keys";
import { customerFormSchema, phoneNumberSchema } from "@/lib/customers/schemas";
import type { CustomerProfile, Ref } from "@/lib/customers/serializers";
import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import { labelKeys } from "@/lib/labels/query-keys";
import { splitLabelList } from "@/lib/labels/schemas";
import type { CustomerRefs } from "./list/refs";

const PHONE_INVALID = "phone_invalid";
const REQUIRED = "required";

/** The fields this dialog offers, from the schema POST /api/customers validates with, and the console's phone rule. */
const newCustomerSchema = customerFormSchema
  .pick({ name: true, email: true, labels: true, typeId: true, sourceId: true, stageId: true, ownerId: true, departmentId: true, customFields: true })
  .extend({
    phones: z.array(z.object({ number: phoneNumberSchema.refine((v) => toE164(v) !== null, PHONE_INVALID) })).max(20).optional(),
  });
type CustomerFormInput = z.input<typeof newCustomerSchema>;
type CustomerForm = z.output<typeof newCustomerSchema>;

const EMPTY: CustomerFormInput = {
  name: "",
  email: "",
  phones: [{ number: "" }],
  labels: [],
  typeId: null,
  sourceId: null,
  stageId: null,
  ownerId: null,
  departmentId: null,
  customFields: {},
};

/** Optional custom fields shown at once; more fold under "N more optional fields". */
const OPTIONAL_SHOWN = 2;

/** The schema's resolver, after leaving out blank phone rows, plus the tenant's required custom fields. */
function makeResolver(fields: CustomFieldDefinition[]): Resolver<CustomerFormInput, unknown, CustomerForm> {
  const schemaResolver = zodResolver(newCustomerSchema);
  return async (values, context, options) => {
    const result = await schemaResolver({ ...values, phones: values.phones?.filter((p) => p.number.trim() !== "") }, context, options);
    const missing = fields.filter((f) => f.required && (values.customFields?.[String(f.id)] ?? "") === "");
    if (!missing.length) return result;
    const errors = { ...result.errors } as FieldErrors<CustomerFormInput> & { customFields?: Record<string, { type: string; message: string }> };
    errors.customFields = Object.fromEntries(missing.map((f) => [String(f.id), { type: "required", message: REQUIRED }]));
    return { values: {}, errors };
  };
}

export function useCreateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerForm) => fetchJson<CustomerProfile>("/api/customers", { method: "POST", body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: customerKeys.lists() });
      void qc.invalidateQueries({ queryKey: labelKeys.all });
    },
  });
}

/** Option selects of the form: "" is "none" (null). */
function RefSelect({ label, options, value, onChange }: { label: string; options: Ref[]; value: number | null | undefined; onChange: (v: number | null) => void }) {
  const tc = useTranslations("common");
  return (
    <FormItem>
      <FormLabel>{label}</FormLabel>
      <FormControl>
        <NativeSelect value={value == null ? "" : String(value)} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{tc("none")}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
      </FormControl>
      <FormMessage />
    </FormItem>
  );
}

type DialogRefs = Pick<CustomerRefs, "types" | "sources" | "stages" | "owners">;

/**
 * "New customer": name, phones, e-mail, labels, type, source, stage, owner, and the tenant's custom
 * fields (every required one, the optional ones folded when many); server refusals show on the form.
 */
export function CreateCustomerDialog({ refs, customFields }: { refs: DialogRefs; customFields: CustomFieldDefinition[] }) {
  const t = useTranslations("customers.create");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [labelText, setLabelText] = useState("");
  const create = useCreateCustomer();
  const resolver = useMemo(() => makeResolver(customFields), [customFields]);
  const form = useForm<CustomerFormInput, unknown, CustomerForm>({ resolver, defaultValues: EMPTY });
  const phones = useFieldArray({ control: form.control, name: "phones" });
  const phoneErrors = form.formState.errors.phones;
  const required = customFields.filter((f) => f.required);
  const optional = customFields.filter((f) => !f.required);
  const word = (message: string | undefined) => (message === PHONE_INVALID ? t("phoneInvalid") : message === REQUIRED ? t("required") : message);

  function reset() {
    form.reset(EMPTY);
    setLabelText("");
  }

  async function onSubmit(values: CustomerForm) {
    try {
      const customer = await create.mutateAsync(values);
      toast.success(t("added", { name: customer.name }), {
        action: { label: t("open"), onClick: () => router.push(`/customers/${customer.id}`) },
      });
      setOpen(false);
      reset();
    } catch (err) {
      // a taken or malformed phone comes back on the phones field (the customers API calls it cellphones)
      const phone = err instanceof ApiError ? err.details.find((d) => ["cellphones", "phones"].includes(d.path?.split(".")[0] ?? "")) : undefined;
      if (phone) form.setError("phones", { type: "server", message: detailText(phone) });
      else if (!applyServerErrors(form, err)) form.setError("root.server", { message: t("failed") });
      else if (err instanceof ApiError && !err.details.some((d) => d.path)) form.setError("root.server", { message: errorText(err) });
    }
  }

  const fieldInput = (f: CustomFieldDefinition) => (
    <FormField
      key={f.id}
      control={form.control}
      name={`customFields.${f.id}`}
      render={({ field, fieldState }) => {
        const value = field.value == null ? "" : String(field.value);
        const onChange = (v: string) => field.onChange(v === "" ? null : v);
        return (
          <FormItem>
            <FormLabel>
              {f.name}
              {f.required ? " *" : ""}
            </FormLabel>
            <FormControl>
              {f.type === "select" ? (
                <NativeSelect value={value} onChange={(e) => onChange(e.target.value)} aria-required={f.required || undefined}>
                  <option value="">—</option>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <Input
                  type={f.type === "number" ? "number" : f.type === "date" ? "date" : "text"}
                  value={value}
                  aria-required={f.required || undefined}
                  onChange={(e) => onChange(e.target.value)}
                />
              )}
            </FormControl>
            {fieldState.error && <p className="text-sm text-destructive">{word(fieldState.error.message)}</p>}
          </FormItem>
        );
      }}
    />
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("name")}</FormLabel>
                  <FormControl>
                    <Input placeholder="张三" autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm leading-none font-medium">{t("phones")}</legend>
              {phones.fields.map((row, i) => (
                <div key={row.id} className="grid gap-1">
                  <div className="flex gap-2">
                    <Input
                      aria-label={t("phone", { n: i + 1 })}
                      inputMode="tel"
                      className="font-mono"
                      placeholder="13800000000"
                      aria-invalid={phoneErrors?.[i]?.number ? true : undefined}
                      {...form.register(`phones.${i}.number`)}
                    />
                    <Button type="button" variant="ghost" size="icon" aria-label={t("removePhone", { n: i + 1 })} onClick={() => phones.remove(i)}>
                      <Trash2 />
                    </Button>
                  </div>
                  {phoneErrors?.[i]?.number?.message && <p className="text-sm text-destructive">{word(phoneErrors[i].number.message)}</p>}
                </div>
              ))}
              {(phoneErrors?.message || phoneErrors?.root?.message) && (
                <p role="alert" className="text-sm text-destructive">
                  {word(phoneErrors.message ?? phoneErrors.root?.message)}
                </p>
              )}
              <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => phones.append({ number: "" })} disabled={phones.fields.length >= 20}>
                <Plus /> {t("addPhone")}
              </Button>
            </fieldset>
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("email")}</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="off" placeholder="name@example.com" {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="labels"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("labels")}</FormLabel>
                  <FormControl>
                    <Input
                      placeholder="重要, VIP"
                      value={labelText}
                      onBlur={field.onBlur}
                      onChange={(e) => {
                        setLabelText(e.target.value);
                        field.onChange(splitLabelList(e.target.value));
                      }}
                    />
                  </FormControl>
                  <FormDescription>{t("labelsHint")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField
                control={form.control}
                name="typeId"
                render={({ field }) => <RefSelect label={t("type")} options={refs.types} value={field.value} onChange={field.onChange} />}
              />
              <FormField
                control={form.control}
                name="sourceId"
                render={({ field }) => <RefSelect label={t("source")} options={refs.sources} value={field.value} onChange={field.onChange} />}
              />
              <FormField
                control={form.control}
                name="stageId"
                render={({ field }) => <RefSelect label={t("stage")} options={refs.stages} value={field.value} onChange={field.onChange} />}
              />
            </div>
            <FormField
              control={form.control}
              name="ownerId"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("owner")}</FormLabel>
                  <FormControl>
                    <NativeSelect
                      value={field.value == null ? "" : String(field.value)}
                      onChange={(e) => {
                        const id = e.target.value ? Number(e.target.value) : null;
                        field.onChange(id);
                        // the customer follows the owner into the owner's department (the server requires one)
                        form.setValue("departmentId", id == null ? null : (refs.owners.find((o) => o.id === id)?.departmentId ?? null));
                      }}
                    >
                      <option value="">{t("noOwner")}</option>
                      {refs.owners.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name} ({o.loginNo})
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  <FormDescription>{t("ownerHint")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            {customFields.length > 0 && (
              <fieldset className="grid gap-4 sm:grid-cols-2">
                <legend className="mb-2 text-sm font-medium">{t("customFields")}</legend>
                {required.map(fieldInput)}
                {optional.length <= OPTIONAL_SHOWN + 1 ? (
                  optional.map(fieldInput)
                ) : (
                  <>
                    {optional.slice(0, OPTIONAL_SHOWN).map(fieldInput)}
                    <details className="sm:col-span-2">
                      <summary className="cursor-pointer text-sm text-muted-foreground">{t("moreFields", { count: optional.length - OPTIONAL_SHOWN })}</summary>
                      <div className="mt-3 grid gap-4 sm:grid-cols-2">{optional.slice(OPTIONAL_SHOWN).map(fieldInput)}</div>
                    </details>
                  </>
                )}
              </fieldset>
            )}
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? t("submitting") : t("submit")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
