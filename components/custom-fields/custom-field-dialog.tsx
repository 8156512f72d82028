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
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { CUSTOM_FIELD_TYPES, customFieldFormSchema, type CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { OptionsInput } from "./options-input";
import { TYPE_LABELS, useSaveCustomField } from "./use-custom-fields";

type FormIn = z.input<typeof customFieldFormSchema>;
type FormOut = z.output<typeof customFieldFormSchema>;

interface CustomFieldDialogProps {
  /** the definition to edit; omit to create one */
  field?: CustomFieldDefinition;
  trigger: ReactNode;
}

function initialValues(field?: CustomFieldDefinition): FormIn {
  return field
    ? { name: field.name, type: field.type, required: field.required, options: field.options }
    : { name: "", type: "text", required: false, options: null };
}

/** Create or edit a custom field. The server refuses a type change once customers have values (409). */
export function CustomFieldDialog({ field, trigger }: CustomFieldDialogProps) {
  const [open, setOpen] = useState(false);
  const save = useSaveCustomField();
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(customFieldFormSchema), defaultValues: initialValues(field) });
  const type = form.watch("type");

  async function onSubmit(values: FormOut) {
    const body = { ...values, options: values.type === "select" ? values.options : null };
    try {
      const saved = await save.mutateAsync({ ...body, id: field?.id });
      toast.success(field ? `${saved.name} saved` : `Custom field ${saved.name} created`);
      setOpen(false);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save the field; try again." });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) form.reset(initialValues(field));
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{field ? `Edit ${field.name}` : "New custom field"}</DialogTitle>
          <DialogDescription>
            Integrators send its value in jsonStr under the key <span className="font-mono">{field ? field.key : "<id>_<name>"}</span>.
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="name"
              render={({ field: f }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input placeholder="消费情况" autoComplete="off" {...f} />
                  </FormControl>
                  {field && <FormDescription>Renaming changes its jsonStr key.</FormDescription>}
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="type"
              render={({ field: f }) => (
                <FormItem>
                  <FormLabel>Type</FormLabel>
                  <FormControl>
                    <NativeSelect value={f.value} onChange={(e) => f.onChange(e.target.value)} onBlur={f.onBlur} name={f.name}>
                      {CUSTOM_FIELD_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {TYPE_LABELS[t]}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  {type === "date" && <FormDescription>Values are written yyyy-MM-dd.</FormDescription>}
                  <FormMessage />
                </FormItem>
              )}
            />
            {type === "select" && (
              <FormField
                control={form.control}
                name="options"
                render={({ field: f }) => (
                  <FormItem>
                    <FormLabel>Options</FormLabel>
                    <FormControl>
                      <OptionsInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} name={f.name} placeholder={"高\n中\n低"} rows={4} />
                    </FormControl>
                    <FormDescription>One allowed value per line.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            )}
            <FormField
              control={form.control}
              name="required"
              render={({ field: f }) => (
                <FormItem className="flex flex-row items-center justify-between gap-4 rounded-md border p-3">
                  <div className="grid gap-1">
                    <FormLabel>Required</FormLabel>
                    <FormDescription>A new customer must be given a value.</FormDescription>
                  </div>
                  <FormControl>
                    <Switch checked={f.value ?? false} onCheckedChange={f.onChange} />
                  </FormControl>
                </FormItem>
              )}
            />
            <DialogFooter className="pt-2">
              <Button variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : field ? "Save" : "Create field"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
