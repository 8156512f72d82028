"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
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
import { customerKeys } from "@/lib/customers/query-keys";
import { customerFormSchema } from "@/lib/customers/schemas";
import type { CustomerProfile, Ref } from "@/lib/customers/serializers";
import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import { labelKeys } from "@/lib/labels/query-keys";
import { splitLabelList } from "@/lib/labels/schemas";
import type { CustomerRefs } from "./list/refs";

/** The fields this dialog offers, picked from the schema POST /api/customers validates with. */
const newCustomerSchema = customerFormSchema.pick({ name: true, email: true, phones: true, labels: true, typeId: true, sourceId: true, stageId: true });
type CustomerFormInput = z.input<typeof newCustomerSchema>;
type CustomerForm = z.output<typeof newCustomerSchema>;

const EMPTY: CustomerFormInput = { name: "", email: "", phones: [{ number: "" }], labels: [], typeId: null, sourceId: null, stageId: null };

const schemaResolver = zodResolver(newCustomerSchema);
/** The form's schema, after leaving out phone rows left blank (the dialog always offers one). */
const resolver: Resolver<CustomerFormInput, unknown, CustomerForm> = (values, context, options) =>
  schemaResolver({ ...values, phones: values.phones?.filter((p) => p.number.trim() !== "") }, context, options);

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
  return (
    <FormItem>
      <FormLabel>{label}</FormLabel>
      <FormControl>
        <NativeSelect value={value == null ? "" : String(value)} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">None</option>
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

/** "New customer": name, phones, e-mail, labels, type, source and stage; server conflicts show on the form. */
export function CreateCustomerDialog({ refs }: { refs: Pick<CustomerRefs, "types" | "sources" | "stages"> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [labelText, setLabelText] = useState("");
  const create = useCreateCustomer();
  const form = useForm<CustomerFormInput, unknown, CustomerForm>({ resolver, defaultValues: EMPTY });
  const phones = useFieldArray({ control: form.control, name: "phones" });
  const phoneErrors = form.formState.errors.phones;

  function reset() {
    form.reset(EMPTY);
    setLabelText("");
  }

  async function onSubmit(values: CustomerForm) {
    try {
      const customer = await create.mutateAsync(values);
      toast.success(`${customer.name} is added`, {
        action: { label: "Open", onClick: () => router.push(`/customers/${customer.id}`) },
      });
      setOpen(false);
      reset();
    } catch (err) {
      // a taken or malformed phone comes back on the customers API's field name
      const phone = err instanceof ApiError ? err.details.find((d) => d.path?.split(".")[0] === "cellphones") : undefined;
      if (phone) form.setError("phones", { type: "server", message: phone.message });
      else if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not create the customer; try again." });
    }
  }

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
          <UserPlus /> New customer
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>New customer</DialogTitle>
          <DialogDescription>A phone number or an e-mail address belongs to one customer only.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input placeholder="张三" autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm leading-none font-medium">Phones</legend>
              {phones.fields.map((row, i) => (
                <div key={row.id} className="grid gap-1">
                  <div className="flex gap-2">
                    <Input
                      aria-label={`Phone ${i + 1}`}
                      inputMode="tel"
                      className="font-mono"
                      placeholder="13800000000"
                      aria-invalid={phoneErrors?.[i]?.number ? true : undefined}
                      {...form.register(`phones.${i}.number`)}
                    />
                    <Button type="button" variant="ghost" size="icon" aria-label={`Remove phone ${i + 1}`} onClick={() => phones.remove(i)}>
                      <Trash2 />
                    </Button>
                  </div>
                  {phoneErrors?.[i]?.number?.message && <p className="text-sm text-destructive">{phoneErrors[i].number.message}</p>}
                </div>
              ))}
              {(phoneErrors?.message || phoneErrors?.root?.message) && (
                <p role="alert" className="text-sm text-destructive">
                  {phoneErrors.message ?? phoneErrors.root?.message}
                </p>
              )}
              <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => phones.append({ number: "" })} disabled={phones.fields.length >= 20}>
                <Plus /> Add phone
              </Button>
            </fieldset>
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>E-mail</FormLabel>
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
                  <FormLabel>Labels</FormLabel>
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
                  <FormDescription>Separated by commas; a new name becomes a label.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField
                control={form.control}
                name="typeId"
                render={({ field }) => <RefSelect label="Type" options={refs.types} value={field.value} onChange={field.onChange} />}
              />
              <FormField
                control={form.control}
                name="sourceId"
                render={({ field }) => <RefSelect label="Source" options={refs.sources} value={field.value} onChange={field.onChange} />}
              />
              <FormField
                control={form.control}
                name="stageId"
                render={({ field }) => <RefSelect label="Stage" options={refs.stages} value={field.value} onChange={field.onChange} />}
              />
            </div>
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Creating…" : "Create customer"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
