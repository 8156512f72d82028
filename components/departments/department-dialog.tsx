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
import { departmentFormSchema, type Department } from "@/lib/departments/schemas";
import { useSaveDepartment } from "./use-departments";

type FormIn = z.input<typeof departmentFormSchema>;
type FormOut = z.output<typeof departmentFormSchema>;

interface DepartmentDialogProps {
  /** the department to rename; omit to create one */
  department?: Department;
  trigger: ReactNode;
}

/** Create or rename a department: one name, unique within the tenant (409 shown on the field's form). */
export function DepartmentDialog({ department, trigger }: DepartmentDialogProps) {
  const [open, setOpen] = useState(false);
  const save = useSaveDepartment();
  const initial: FormIn = { name: department?.name ?? "" };
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(departmentFormSchema), defaultValues: initial });

  async function onSubmit(values: FormOut) {
    try {
      const saved = await save.mutateAsync({ ...values, id: department?.id });
      toast.success(department ? `Renamed to ${saved.name}` : `Department ${saved.name} created`);
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save the department; try again." });
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
          <DialogTitle>{department ? `Rename ${department.name}` : "New department"}</DialogTitle>
          <DialogDescription>Its id is the servicegroupId integrators pass in the customers API.</DialogDescription>
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
                    <Input placeholder="华东销售部" autoComplete="off" {...field} />
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
                {form.formState.isSubmitting ? "Saving…" : department ? "Rename" : "Create department"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
