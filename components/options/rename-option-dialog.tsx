"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useState } from "react";
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
import { updateOptionSchema, type OptionItem } from "@/lib/options/schemas";
import { useUpdateOption } from "./use-options";

type FormIn = z.input<typeof updateOptionSchema>;
type FormOut = z.output<typeof updateOptionSchema>;

/** Rename an option or change its code; customers holding it keep it under the new name. */
export function RenameOptionDialog({ option }: { option: OptionItem }) {
  const [open, setOpen] = useState(false);
  const update = useUpdateOption();
  const initial: FormIn = { name: option.name, value: option.value };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(updateOptionSchema), defaultValues: initial });

  async function onSubmit(values: FormOut) {
    try {
      const saved = await update.mutateAsync({ id: option.id, ...values });
      toast.success(saved.name === option.name ? `${saved.name} saved` : `${option.name} renamed to ${saved.name}`);
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save the value; try again." });
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
        <Button variant="ghost" size="sm" aria-label={`Rename ${option.name}`}>
          <Pencil /> Rename
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Rename {option.name}</DialogTitle>
          <DialogDescription>Integrators name options by name in the customers API; update them when it changes.</DialogDescription>
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
                  <FormLabel>Code</FormLabel>
                  <FormControl>
                    <Input className="font-mono" autoComplete="off" {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormDescription>Unique within the list; filter_customers lists it beside the name.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : "Save"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
