"use client";

import { Pencil, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { useState } from "react";
import { useFieldArray, useForm, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { applyServerErrors, Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Sheet, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { toast } from "@/components/ui/toast";
import { customerPatchSchema, type CustomerPatchInput } from "@/lib/customers/schemas";
import type { CustomerProfile } from "@/lib/customers/serializers";
import type { z } from "zod";
import { CustomFieldInputs } from "./custom-field-inputs";
import { useOptionLists, useStages, useUpdateCustomer } from "./use-customer";

/**
 * The PATCH route's schema. assignTime is left out: this form does not edit it, and its output (a Date)
 * differs from its input (a string), which the form components' types do not allow.
 */
const editSchema = customerPatchSchema.omit({ assignTime: true, identities: true });
type FormIn = z.input<typeof editSchema>;
type FormOut = z.output<typeof editSchema>;
export type EditForm = UseFormReturn<FormIn, unknown, FormOut>;

/** The staff, departments and tasks a customer can be assigned to, loaded by the page on the server. */
export interface AssignmentRefs {
  owners: { id: number; name: string; loginNo: string; departmentId: number | null }[];
  departments: { id: number; name: string }[];
  tasks: { id: number; name: string }[];
}

function defaultsOf(c: CustomerProfile): FormIn {
  return {
    name: c.name,
    email: c.email ?? "",
    crmId: c.crmId ?? "",
    companyName: c.companyName ?? "",
    address: c.address ?? "",
    typeId: c.type?.id ?? null,
    dealFlagId: c.dealFlag?.id ?? null,
    sourceId: c.source?.id ?? null,
    stageId: c.stage?.id ?? null,
    score: c.score,
    ownerId: c.owner?.id ?? null,
    departmentId: c.department?.id ?? null,
    taskId: c.task?.id ?? null,
    phones: c.phones.map((p) => ({ id: p.id, number: p.number })),
    labels: c.labels.map((l) => l.name),
    customFields: Object.fromEntries(c.customFields.map((f) => [String(f.fieldId), f.value])),
  };
}

/** Only what the user changed goes in the PATCH: every field sent is a change recorded on the timeline. */
function changedOnly(values: FormOut, dirty: Partial<Record<keyof FormIn, unknown>>, initial: FormIn): FormOut {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof FormOut)[]) {
    if (!dirty[key]) continue;
    if (key === "customFields" && values.customFields) {
      const before = initial.customFields ?? {};
      patch.customFields = Object.fromEntries(Object.entries(values.customFields).filter(([id, v]) => (v ?? null) !== (before[id] ?? null)));
    } else patch[key] = values[key];
  }
  return patch as FormOut;
}

const idOrNull = (v: string) => (v === "" ? null : Number(v));

export function EditCustomerSheet({ customer, assignment }: { customer: CustomerProfile; assignment: AssignmentRefs }) {
  const t = useTranslations("customer.edit");
  const tp = useTranslations("customer.profile");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const update = useUpdateCustomer(customer.id);
  const router = useRouter();
  const options = useOptionLists();
  const stages = useStages();
  const defaults = defaultsOf(customer);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: useFormResolver(editSchema), defaultValues: defaults });
  const phones = useFieldArray({ control: form.control, name: "phones" as never });
  const [labelsText, setLabelsText] = useState((defaults.labels ?? []).join(", "));

  function reset() {
    const d = defaultsOf(customer);
    form.reset(d);
    setLabelsText((d.labels ?? []).join(", "));
  }

  async function onSubmit(values: FormOut) {
    const patch = changedOnly(values, form.formState.dirtyFields as Partial<Record<keyof FormIn, unknown>>, defaults);
    if (Object.keys(patch).length === 0) {
      setOpen(false);
      return;
    }
    try {
      await update.mutateAsync(patch as CustomerPatchInput);
      toast.success(t("saved"));
      setOpen(false);
      router.refresh(); // the page header (name, company) is rendered on the server
    } catch (err) {
      if (!applyServerErrors(form, err, { errorText, detailText })) form.setError("root.server", { message: tc("couldNotSave") });
    }
  }

  const select = (
    name: "typeId" | "dealFlagId" | "sourceId" | "stageId" | "ownerId" | "departmentId" | "taskId",
    label: string,
    items: { id: number; name: string }[] | undefined,
    onPick?: (id: number | null) => void,
  ) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <NativeSelect
              value={field.value == null ? "" : String(field.value)}
              onChange={(e) => {
                field.onChange(idOrNull(e.target.value));
                onPick?.(idOrNull(e.target.value));
              }}
            >
              <option value="">—</option>
              {items?.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </NativeSelect>
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );

  const text = (name: "email" | "crmId" | "companyName" | "address", label: string) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...field} value={field.value ?? ""} />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );

  return (
    <Sheet
      open={open}
      onOpenChange={(next) => {
        if (next) reset();
        setOpen(next);
      }}
    >
      <SheetTrigger asChild>
        <Button variant="outline" size="sm">
          <Pencil /> {t("button")}
        </Button>
      </SheetTrigger>
      <SheetContent className="w-full overflow-y-auto sm:max-w-lg">
        <SheetHeader>
          <SheetTitle>{t("title")}</SheetTitle>
          <SheetDescription>{t("description")}</SheetDescription>
        </SheetHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4 px-4 pb-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("name")}</FormLabel>
                  <FormControl>
                    <Input {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t("phones")}</legend>
              {phones.fields.map((p, i) => (
                <FormField
                  key={p.id}
                  control={form.control}
                  name={`phones.${i}.number`}
                  render={({ field }) => (
                    <FormItem>
                      <div className="flex gap-2">
                        <FormControl>
                          <Input aria-label={t("phoneN", { n: i + 1 })} className="font-mono" {...field} />
                        </FormControl>
                        <Button type="button" variant="ghost" size="icon" aria-label={t("removePhone", { n: i + 1 })} onClick={() => phones.remove(i)}>
                          <X />
                        </Button>
                      </div>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              ))}
              <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => phones.append({ id: null, number: "" } as never)}>
                <Plus /> {t("addPhone")}
              </Button>
            </fieldset>
            <div className="grid items-start gap-4 sm:grid-cols-2">
              {text("email", tp("email"))}
              {text("companyName", tp("company"))}
              {text("address", tp("address"))}
              {text("crmId", tp("crmId"))}
              {select("typeId", tp("type"), options.data?.custType)}
              {select("dealFlagId", tp("dealFlag"), options.data?.dealFlag)}
              {select("sourceId", tp("source"), options.data?.custFrom)}
              {select("stageId", tp("stage"), stages.data)}
              {select(
                "ownerId",
                tp("owner"),
                assignment.owners.map((o) => ({ id: o.id, name: `${o.name} (${o.loginNo})` })),
                // an owner must belong to the customer's department: follow the owner's own
                (id) => {
                  const department = assignment.owners.find((o) => o.id === id)?.departmentId;
                  if (department != null) form.setValue("departmentId", department, { shouldDirty: true });
                },
              )}
              {select("departmentId", tp("department"), assignment.departments)}
              {select("taskId", tp("task"), assignment.tasks)}
              <FormField
                control={form.control}
                name="score"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{tp("score")}</FormLabel>
                    <FormControl>
                      <Input
                        type="number"
                        step={1}
                        value={field.value ?? ""}
                        onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.valueAsNumber)}
                      />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </div>
            <FormField
              control={form.control}
              name="labels"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("labels")}</FormLabel>
                  <FormControl>
                    <Input
                      value={labelsText}
                      onChange={(e) => {
                        setLabelsText(e.target.value);
                        field.onChange(
                          e.target.value
                            .split(/[,，]/)
                            .map((s) => s.trim())
                            .filter(Boolean),
                        );
                      }}
                    />
                  </FormControl>
                  <FormDescription>{t("labelsHint")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <CustomFieldInputs form={form} fields={customer.customFields} />
            <SheetFooter className="flex-row justify-end gap-2 p-0 pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? tc("saving") : tc("save")}
              </Button>
            </SheetFooter>
          </form>
        </Form>
      </SheetContent>
    </Sheet>
  );
}
