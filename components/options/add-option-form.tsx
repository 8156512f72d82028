"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { Button } from "@/components/ui/button";
import { applyServerErrors, Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { optionFormSchema, type OptionList } from "@/lib/options/schemas";
import { useCreateOption } from "./use-options";

type FormIn = z.input<typeof optionFormSchema>;
type FormOut = z.output<typeof optionFormSchema>;

/** The inline "add a value" row under one list; the code is optional (the next free integer). */
export function AddOptionForm({ list }: { list: OptionList }) {
  const t = useTranslations("options");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const listName = t(`lists.${list}`);
  const create = useCreateOption();
  const empty: FormIn = { list, name: "", value: undefined };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: useFormResolver(optionFormSchema), defaultValues: empty });

  async function onSubmit(values: FormOut) {
    try {
      const item = await create.mutateAsync(values);
      toast.success(t("added", { name: item.name, list: listName }));
      form.reset(empty);
    } catch (err) {
      if (!applyServerErrors(form, err, { detailText, errorText })) form.setError("root.server", { message: tc("couldNotSave") });
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-3" noValidate aria-label={t("addTo", { list: listName })}>
        <FormRootError />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <FormField
            control={form.control}
            name="name"
            render={({ field }) => (
              <FormItem className="flex-1">
                <FormLabel>{t("newValue")}</FormLabel>
                <FormControl>
                  <Input placeholder={tc("example", { value: t("nameHint") })} autoComplete="off" {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="value"
            render={({ field }) => (
              <FormItem className="sm:w-40">
                <FormLabel>{t("code")}</FormLabel>
                <FormControl>
                  <Input
                    placeholder={t("codeAuto")}
                    className="font-mono"
                    autoComplete="off"
                    {...field}
                    value={field.value ?? ""}
                    // empty means "pick the next free code"
                    onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.value)}
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <Button type="submit" className="sm:mt-[1.375rem]" disabled={form.formState.isSubmitting}>
            <Plus /> {form.formState.isSubmitting ? t("adding") : t("add")}
          </Button>
        </div>
      </form>
    </Form>
  );
}
