"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
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
import { toast } from "@/components/ui/toast";
import { eventCategoryFormSchema, type EventCategory } from "@/lib/event-categories/schemas";
import { useCreateEventCategory, useUpdateEventCategory } from "./use-event-categories";

type FormIn = z.input<typeof eventCategoryFormSchema>;
type FormOut = z.output<typeof eventCategoryFormSchema>;

function defaults(category?: EventCategory): FormIn {
  return category ? { code: category.code, name: category.name, sort: category.sort } : { code: "", name: "", sort: undefined };
}

/** New event category, or edit one (`category` given). */
export function CategoryDialog({ category, trigger }: { category?: EventCategory; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  const create = useCreateEventCategory();
  const update = useUpdateEventCategory();
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(eventCategoryFormSchema), defaultValues: defaults(category) });

  async function onSubmit(values: FormOut) {
    try {
      const saved = category ? await update.mutateAsync({ id: category.id, ...values }) : await create.mutateAsync(values);
      toast.success(category ? `Category ${saved.name} is saved` : `Category ${saved.name} is created`);
      setOpen(false);
      form.reset(defaults(category ? saved : undefined));
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save the category; try again." });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(defaults(category));
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{category ? `Edit category ${category.name}` : "New event category"}</DialogTitle>
          <DialogDescription>Categories group event types in the automation editor and in the events API.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="code"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Code</FormLabel>
                  <FormControl>
                    <Input placeholder="trade" className="font-mono" autoComplete="off" {...field} />
                  </FormControl>
                  <FormDescription>The `category` of the events API.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input placeholder="交易行为" autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="sort"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Sort order</FormLabel>
                  <FormControl>
                    <Input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      placeholder="After the last category"
                      name={field.name}
                      ref={field.ref}
                      onBlur={field.onBlur}
                      value={field.value ?? ""}
                      onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.valueAsNumber)}
                    />
                  </FormControl>
                  <FormDescription>Smaller first.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : category ? "Save" : "Create category"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
