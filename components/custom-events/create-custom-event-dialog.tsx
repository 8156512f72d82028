"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { useCreateCustomEvent } from "@/components/scenarios/use-scenarios";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { applyServerErrors, Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { createCustomEventSchema, DATA_FIELD_TYPES, type CreateCustomEventInput } from "@/lib/custom-events/schemas";

type Values = CreateCustomEventInput;
const EMPTY: Values = { id: undefined, name: "", description: "", fields: [] };

/** Defines a custom event: the id integrators send (optional: the next free one), a name, a description, its data fields. */
export function CreateCustomEventDialog() {
  const t = useTranslations("scenarios.customEvents");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const create = useCreateCustomEvent();
  const form = useForm<Values, unknown, Values>({ resolver: useFormResolver(createCustomEventSchema) as never, defaultValues: EMPTY });
  const fields = useFieldArray({ control: form.control, name: "fields" });

  async function onSubmit(values: Values) {
    try {
      const saved = await create.mutateAsync({ ...values, description: values.description || null });
      toast.success(t("createdToast", { name: saved.name, id: saved.id }));
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err, { detailText, errorText })) form.setError("root.server", { message: tc("couldNotSave") });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) form.reset(EMPTY);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus /> {t("new")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("new")}</DialogTitle>
          <DialogDescription>{t("newDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="id"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("id")}</FormLabel>
                  <FormControl>
                    <Input
                      type="number"
                      inputMode="numeric"
                      min={1}
                      placeholder={t("idHint")}
                      name={field.name}
                      ref={field.ref}
                      onBlur={field.onBlur}
                      value={field.value ?? ""}
                      onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.valueAsNumber)}
                    />
                  </FormControl>
                  <FormDescription>{t("idDescription")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{tc("name")}</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" placeholder={tc("example", { value: t("nameHint") })} {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="description"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("descriptionLabel")}</FormLabel>
                  <FormControl>
                    <Textarea rows={2} {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t("fields")}</legend>
              {fields.fields.length === 0 && <p className="text-sm text-muted-foreground">{t("noFields")}</p>}
              {fields.fields.map((f, i) => (
                <div key={f.id} className="flex items-start gap-2">
                  <FormField
                    control={form.control}
                    name={`fields.${i}.name`}
                    render={({ field }) => (
                      <FormItem className="flex-1">
                        <FormControl>
                          <Input aria-label={t("fieldName")} placeholder={t("fieldName")} autoComplete="off" {...field} />
                        </FormControl>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                  <FormField
                    control={form.control}
                    name={`fields.${i}.type`}
                    render={({ field }) => (
                      <FormItem>
                        <FormControl>
                          <NativeSelect aria-label={t("fieldType")} {...field}>
                            {DATA_FIELD_TYPES.map((type) => (
                              <option key={type} value={type}>
                                {t(`types.${type}`)}
                              </option>
                            ))}
                          </NativeSelect>
                        </FormControl>
                      </FormItem>
                    )}
                  />
                  <Button type="button" variant="ghost" size="icon" aria-label={t("removeField")} onClick={() => fields.remove(i)}>
                    <Trash2 />
                  </Button>
                </div>
              ))}
              <FormField control={form.control} name="fields" render={() => <FormMessage />} />
              <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => fields.append({ name: "", type: "String" })}>
                <Plus /> {t("addField")}
              </Button>
            </fieldset>
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? tc("saving") : t("create")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
