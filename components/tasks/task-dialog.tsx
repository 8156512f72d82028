"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { applyServerErrors, Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { taskFormSchema, type Task } from "@/lib/tasks/schemas";
import { useSaveTask } from "./use-tasks";

type FormIn = z.input<typeof taskFormSchema>;
type FormOut = z.output<typeof taskFormSchema>;

interface TaskDialogProps {
  /** the task to rename; omit to create one */
  task?: Task;
  trigger: ReactNode;
}

/** Create or rename a task: one name, unique within the tenant (409 shown on the field's form). */
export function TaskDialog({ task, trigger }: TaskDialogProps) {
  const [open, setOpen] = useState(false);
  const save = useSaveTask();
  const initial: FormIn = { name: task?.name ?? "" };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(taskFormSchema), defaultValues: initial });

  async function onSubmit(values: FormOut) {
    try {
      const saved = await save.mutateAsync({ ...values, id: task?.id });
      toast.success(task ? `Renamed to ${saved.name}` : `Task ${saved.name} created`);
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save the task; try again." });
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
          <DialogTitle>{task ? `Rename ${task.name}` : "New task"}</DialogTitle>
          <DialogDescription>Its id is the taskId integrators pass in the customers API.</DialogDescription>
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
                    <Input placeholder="回访任务" autoComplete="off" {...field} />
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
                {form.formState.isSubmitting ? "Saving…" : task ? "Rename" : "Create task"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
