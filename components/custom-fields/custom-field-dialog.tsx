"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
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
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { CUSTOM_FIELD_TYPES, customFieldFormSchema, type CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { OptionsInput } from "./options-input";
import { useSaveCustomField } from "./use-custom-fields";

type FormIn = z.input<typeof customFieldFormSchema>;
type FormOut = z.output<typeof customFieldFormSchema>;

interface CustomFieldDialogProps {
  /** the definition to edit; omit to create one */
  field?: CustomFieldDefinition;
  trigger: ReactNode;
}

function initialValues(field?: CustomFieldDefinition): FormIn {
  return field
    ? { name: field.name, type: field.type, required: field.required, options: field.options }
    : { name: "", type: "text", required: false, options: null };
}

/** Create or edit a custom field. The server refuses a type change once customers have values (409). */
export function CustomFieldDialog({ field, trigger }: CustomFieldDialogProps) {
  const t = useTranslations("customFields");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const save = useSaveCustomField();
  // the schema's own refinement: a choice field without options
  const custom = useCallback((issue: { code: string; path: PropertyKey[] }) => (issue.code === "custom" && issue.path[0] === "options" ? t("optionsRequired") : undefined), [t]);
  const resolver = useFormResolver(customFieldFormSchema, custom);
  const form = useForm<FormIn, unknown, FormOut>({ resolver, defaultValues: initialValues(field) });
  const type = form.watch("type");

  async function onSubmit(values: FormOut) {
    const body = { ...values, options: values.type === "select" ? values.options : null };
    try {
      const saved = await save.mutateAsync({ ...body, id: field?.id });
      toast.success(field ? t("saved", { name: saved.name }) : t("created", { name: saved.name }));
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
        if (next) form.reset(initialValues(field));
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{field ? t("editTitle", { name: field.name }) : t("newTitle")}</DialogTitle>
          <DialogDescription>{t("dialogDescription")}</DialogDescription>
          <p className="text-xs text-muted-foreground">
            {field ? t.rich("keyHint", { key: field.key, code: (c) => <span className="font-mono">{c}</span> }) : t("newKeyHint")}
          </p>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="name"
              render={({ field: f }) => (
                <FormItem>
                  <FormLabel>{tc("name")}</FormLabel>
                  <FormControl>
                    <Input placeholder={tc("example", { value: t("nameHint") })} autoComplete="off" {...f} />
                  </FormControl>
                  {field && <FormDescription>{t("renameHint")}</FormDescription>}
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="type"
              render={({ field: f }) => (
                <FormItem>
                  <FormLabel>{t("type")}</FormLabel>
                  <FormControl>
                    <NativeSelect value={f.value} onChange={(e) => f.onChange(e.target.value)} onBlur={f.onBlur} name={f.name}>
                      {CUSTOM_FIELD_TYPES.map((ty) => (
                        <option key={ty} value={ty}>
                          {t(`types.${ty}`)}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  {type === "date" && <FormDescription>{t("dateHint")}</FormDescription>}
                  <FormMessage />
                </FormItem>
              )}
            />
            {type === "select" && (
              <FormField
                control={form.control}
                name="options"
                render={({ field: f }) => (
                  <FormItem>
                    <FormLabel>{t("options")}</FormLabel>
                    <FormControl>
                      <OptionsInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} name={f.name} rows={4} />
                    </FormControl>
                    <FormDescription>{t("optionsHint")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            )}
            <FormField
              control={form.control}
              name="required"
              render={({ field: f }) => (
                <FormItem className="flex flex-row items-center justify-between gap-4 rounded-md border p-3">
                  <div className="grid gap-1">
                    <FormLabel>{t("required")}</FormLabel>
                    <FormDescription>{t("requiredHint")}</FormDescription>
                  </div>
                  <FormControl>
                    <Switch checked={f.value ?? false} onCheckedChange={f.onChange} />
                  </FormControl>
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? tc("saving") : field ? tc("save") : t("create")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
