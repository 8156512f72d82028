"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { applyServerErrors, Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/** What a NameDialog edits: a record known by one name, unique within the tenant. */
export type NameSchema = z.ZodType<{ name: string }, { name: string }>;

export interface NameDialogProps {
  /** "department", "task": used in the title, the buttons and the messages */
  noun: string;
  /** the same schema the API route validates with */
  schema: NameSchema;
  /** the record to rename; omit to create one */
  current?: { id: number; name: string };
  /** creates (no id) or renames (id), answering the saved record */
  save: (values: { name: string; id?: number }) => Promise<{ name: string }>;
  description: ReactNode;
  placeholder?: string;
  trigger: ReactNode;
}

/** Create or rename a named record (409 and other field errors shown on the form). */
export function NameDialog({ noun, schema, current, save, description, placeholder, trigger }: NameDialogProps) {
  const [open, setOpen] = useState(false);
  const initial = { name: current?.name ?? "" };
  const form = useForm<{ name: string }>({ resolver: zodResolver(schema), defaultValues: initial });
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);

  async function onSubmit(values: { name: string }) {
    try {
      const saved = await save({ ...values, id: current?.id });
      toast.success(current ? `Renamed to ${saved.name}` : `${Noun} ${saved.name} created`);
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: `Could not save the ${noun}; try again.` });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // from the current props on opening: after a rename the row's name is the new one
        if (next) form.reset(initial);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{current ? `Rename ${current.name}` : `New ${noun}`}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
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
                    <Input placeholder={placeholder} autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : current ? "Rename" : `Create ${noun}`}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
