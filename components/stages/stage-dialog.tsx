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
import { stageFormSchema, type Stage } from "@/lib/stages/schemas";
import { useCreateStage, useUpdateStage } from "./use-stages";

type FormIn = z.input<typeof stageFormSchema>;
type FormOut = z.output<typeof stageFormSchema>;

function defaults(stage?: Stage): FormIn {
  return stage ? { name: stage.name, sort: stage.sort } : { name: "", sort: undefined };
}

/** New stage, or rename / reorder one (`stage` given). */
export function StageDialog({ stage, trigger }: { stage?: Stage; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  const create = useCreateStage();
  const update = useUpdateStage();
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(stageFormSchema), defaultValues: defaults(stage) });

  async function onSubmit(values: FormOut) {
    try {
      const saved = stage ? await update.mutateAsync({ id: stage.id, ...values }) : await create.mutateAsync(values);
      toast.success(stage ? `Stage ${saved.name} is saved` : `Stage ${saved.name} is created`);
      setOpen(false);
      form.reset(defaults(stage ? saved : undefined));
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save the stage; try again." });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(defaults(stage));
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{stage ? `Edit stage ${stage.name}` : "New stage"}</DialogTitle>
          <DialogDescription>Event types move a customer to a stage when one of their events is recorded.</DialogDescription>
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
                    <Input placeholder="意向客户" autoComplete="off" {...field} />
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
                      placeholder="After the last stage"
                      name={field.name}
                      ref={field.ref}
                      onBlur={field.onBlur}
                      value={field.value ?? ""}
                      onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.valueAsNumber)}
                    />
                  </FormControl>
                  <FormDescription>Smaller first. {stage ? "" : "Leave empty to add it at the end."}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : stage ? "Save" : "Create stage"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
