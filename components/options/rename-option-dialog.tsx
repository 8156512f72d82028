"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
import { toast } from "@/components/ui/toast";
import { updateOptionSchema, type OptionItem } from "@/lib/options/schemas";
import { useUpdateOption } from "./use-options";

type FormIn = z.input<typeof updateOptionSchema>;
type FormOut = z.output<typeof updateOptionSchema>;

/** Rename an option or change its code; customers holding it keep it under the new name. */
export function RenameOptionDialog({ option }: { option: OptionItem }) {
  const t = useTranslations("options");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const update = useUpdateOption();
  const initial: FormIn = { name: option.name, value: option.value };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: useFormResolver(updateOptionSchema), defaultValues: initial });

  async function onSubmit(values: FormOut) {
    try {
      const saved = await update.mutateAsync({ id: option.id, ...values });
      toast.success(saved.name === option.name ? t("saved", { name: saved.name }) : t("renamed", { old: option.name, name: saved.name }));
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
        if (next) form.reset(initial);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`${tc("rename")} ${option.name}`}>
          <Pencil /> {tc("rename")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("renameTitle", { name: option.name })}</DialogTitle>
          <DialogDescription>{t("renameDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{tc("name")}</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="value"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("code")}</FormLabel>
                  <FormControl>
                    <Input className="font-mono" autoComplete="off" {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormDescription>{t("codeDescription")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? tc("saving") : tc("save")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
