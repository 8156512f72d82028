"use client";

import { useTranslations } from "next-intl";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { CustomerProfile } from "@/lib/customers/serializers";
import type { EditForm } from "./edit-customer-sheet";

/** One input per custom field the tenant defines, typed by the field (text, number, date, select); empty clears. */
export function CustomFieldInputs({ form, fields }: { form: EditForm; fields: CustomerProfile["customFields"] }) {
  const t = useTranslations("customer.edit");
  if (fields.length === 0) return null;
  return (
    <fieldset className="grid items-start gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-medium">{t("customFields")}</legend>
      {fields.map((f) => (
        <FormField
          key={f.fieldId}
          control={form.control}
          name={`customFields.${f.fieldId}`}
          render={({ field }) => {
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
                    <NativeSelect value={value} onChange={(e) => onChange(e.target.value)}>
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
                      onChange={(e) => onChange(e.target.value)}
                    />
                  )}
                </FormControl>
                <FormMessage />
              </FormItem>
            );
          }}
        />
      ))}
    </fieldset>
  );
}
