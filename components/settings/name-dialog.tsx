"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
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
import { toast } from "@/components/ui/toast";

/** What a NameDialog edits: a named record, with a code (categories) and a sort order (stages, categories) where it has them. */
export interface NameValues {
  name: string;
  code?: string;
  sort?: number;
}

export interface NameDialogProps<V extends NameValues> {
  /** the same schema the API route validates with */
  schema: z.ZodType<V, V>;
  /** the fields beside the name, in this order: code before the name, sort after it */
  fields?: { code?: { hint: string; description: ReactNode }; sort?: { hint: string } };
  /** the record to edit; omit to create one */
  current?: V & { id: number };
  /** creates (no id) or saves (id), answering the saved record */
  save: (values: V & { id?: number }) => Promise<{ name: string }>;
  title: string;
  description: ReactNode;
  /** an example shown as a hint, never as a value ("e.g. 华东销售部") */
  nameHint?: string;
  /** the submit button's word when creating ("Create stage") and when editing ("Rename", "Save") */
  submitLabel: string;
  /** the toast once saved */
  savedMessage: (name: string) => string;
  trigger: ReactNode;
}

function initial<V extends NameValues>(current: (V & { id: number }) | undefined, fields: NameDialogProps<V>["fields"]): V {
  const values: NameValues = { name: current?.name ?? "" };
  if (fields?.code) values.code = current?.code ?? "";
  if (fields?.sort) values.sort = current?.sort;
  return values as V;
}

/**
 * Create or edit a named settings record (departments, tasks, stages, categories). Field errors
 * and refusals (a taken name) show on the form in the user's language.
 */
export function NameDialog<V extends NameValues>(props: NameDialogProps<V>) {
  const { schema, fields, current, save, title, description, nameHint, submitLabel, savedMessage, trigger } = props;
  const t = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const form = useForm<NameValues, unknown, V>({
    resolver: useFormResolver(schema) as never,
    defaultValues: initial(current, fields),
  });

  async function onSubmit(values: V) {
    try {
      const saved = await save({ ...values, id: current?.id });
      toast.success(savedMessage(saved.name));
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err, { detailText, errorText })) form.setError("root.server", { message: t("couldNotSave") });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // from the current props on opening: after a rename the row's name is the new one
        if (next) form.reset(initial(current, fields));
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            {fields?.code && (
              <FormField
                control={form.control}
                name="code"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("code")}</FormLabel>
                    <FormControl>
                      <Input placeholder={t("example", { value: fields.code!.hint })} className="font-mono" autoComplete="off" {...field} value={field.value ?? ""} />
                    </FormControl>
                    <FormDescription>{fields.code!.description}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            )}
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("name")}</FormLabel>
                  <FormControl>
                    <Input placeholder={nameHint && t("example", { value: nameHint })} autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {fields?.sort && (
              <FormField
                control={form.control}
                name="sort"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("sortOrder")}</FormLabel>
                    <FormControl>
                      <Input
                        type="number"
                        inputMode="numeric"
                        min={0}
                        step={1}
                        placeholder={fields.sort!.hint}
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ?? ""}
                        onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.valueAsNumber)}
                      />
                    </FormControl>
                    <FormDescription>{t("sortHint")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            )}
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? t("saving") : submitLabel}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
