"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { applyServerErrors, Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { optionFormSchema, type OptionList } from "@/lib/options/schemas";
import { LIST_LABELS, useCreateOption } from "./use-options";

type FormIn = z.input<typeof optionFormSchema>;
type FormOut = z.output<typeof optionFormSchema>;

/** The inline "add a value" row under one list; the code is optional (the next free integer). */
export function AddOptionForm({ list }: { list: OptionList }) {
  const create = useCreateOption();
  const empty: FormIn = { list, name: "", value: undefined };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(optionFormSchema), defaultValues: empty });

  async function onSubmit(values: FormOut) {
    try {
      const item = await create.mutateAsync(values);
      toast.success(`${item.name} added to ${LIST_LABELS[list]}`);
      form.reset(empty);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not add the value; try again." });
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-3" noValidate aria-label={`Add to ${LIST_LABELS[list]}`}>
        <FormRootError />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <FormField
            control={form.control}
            name="name"
            render={({ field }) => (
              <FormItem className="flex-1">
                <FormLabel>New value</FormLabel>
                <FormControl>
                  <Input placeholder="e.g. 展会" autoComplete="off" {...field} />
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
                <FormLabel>Code</FormLabel>
                <FormControl>
                  <Input
                    placeholder="automatic"
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
            <Plus /> {form.formState.isSubmitting ? "Adding…" : "Add"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
