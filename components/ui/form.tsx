"use client";

import { Slot } from "radix-ui";
import { createContext, useContext, useId, type ComponentProps } from "react";
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type FieldPath,
  type FieldValues,
  type UseFormReturn,
} from "react-hook-form";
import { Label } from "@/components/ui/label";
import type { ErrorDetail } from "@/lib/errors";
import { ApiError } from "@/lib/http/fetch-json";
import { cn } from "@/lib/utils";

/**
 * shadcn's react-hook-form wrappers:
 *   <Form {...form}><form onSubmit={form.handleSubmit(save)}>
 *     <FormField control={form.control} name="email" render={({ field }) => (
 *       <FormItem><FormLabel>E-mail</FormLabel><FormControl><Input {...field} /></FormControl>
 *       <FormDescription>…</FormDescription><FormMessage /></FormItem>)} />
 * FormControl wires id, aria-describedby and aria-invalid onto its child; FormMessage shows the
 * field's error (or its children when there is none).
 */
export const Form = FormProvider;

interface FieldContextValue {
  name: string;
}
const FormFieldContext = createContext<FieldContextValue | null>(null);
const FormItemContext = createContext<{ id: string } | null>(null);

export function FormField<TFieldValues extends FieldValues = FieldValues, TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>>(
  props: ControllerProps<TFieldValues, TName>,
) {
  return (
    <FormFieldContext.Provider value={{ name: props.name }}>
      <Controller {...props} />
    </FormFieldContext.Provider>
  );
}

export function useFormField() {
  const field = useContext(FormFieldContext);
  const item = useContext(FormItemContext);
  const { getFieldState } = useFormContext();
  if (!field) throw new Error("useFormField must be used inside <FormField>");
  const formState = useFormState({ name: field.name });
  const state = getFieldState(field.name, formState);
  const id = item?.id ?? field.name;
  return {
    name: field.name,
    formItemId: `${id}-item`,
    formDescriptionId: `${id}-description`,
    formMessageId: `${id}-message`,
    ...state,
  };
}

export function FormItem({ className, ...props }: ComponentProps<"div">) {
  const id = useId();
  return (
    <FormItemContext.Provider value={{ id }}>
      <div data-slot="form-item" className={cn("grid gap-2", className)} {...props} />
    </FormItemContext.Provider>
  );
}

export function FormLabel({ className, ...props }: ComponentProps<typeof Label>) {
  const { error, formItemId } = useFormField();
  return <Label data-error={!!error} className={cn("data-[error=true]:text-destructive", className)} htmlFor={formItemId} {...props} />;
}

export function FormControl(props: ComponentProps<typeof Slot.Root>) {
  const { error, formItemId, formDescriptionId, formMessageId } = useFormField();
  return (
    <Slot.Root
      id={formItemId}
      aria-describedby={error ? `${formDescriptionId} ${formMessageId}` : formDescriptionId}
      aria-invalid={!!error}
      {...props}
    />
  );
}

export function FormDescription({ className, ...props }: ComponentProps<"p">) {
  const { formDescriptionId } = useFormField();
  return <p id={formDescriptionId} className={cn("text-xs text-muted-foreground", className)} {...props} />;
}

export function FormMessage({ className, children, ...props }: ComponentProps<"p">) {
  const { error, formMessageId } = useFormField();
  const body = error ? String(error.message ?? "") : children;
  if (!body) return null;
  return (
    <p id={formMessageId} role={error ? "alert" : undefined} className={cn("text-xs text-destructive", className)} {...props}>
      {body}
    </p>
  );
}

/**
 * Puts a failed API call's field errors (`details[].path`) on the matching fields; anything not
 * tied to a known field lands on `root.server`, shown by <FormRootError />. Returns true if handled.
 * `words` (from useErrorText) words them in the user's language; without it the server's English
 * message is shown.
 */
export function applyServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  err: unknown,
  words?: { detailText: (d: ErrorDetail) => string; errorText: (err: unknown) => string },
): boolean {
  if (!(err instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getValues()));
  let placed = false;
  for (const d of err.details) {
    const top = d.path?.split(".")[0];
    if (d.path && top && known.has(top)) {
      form.setError(d.path as FieldPath<T>, { type: "server", message: words ? words.detailText(d) : d.message });
      placed = true;
    }
  }
  if (!placed) form.setError("root.server", { type: "server", message: words ? words.errorText(err) : err.message });
  return true;
}

/** Shows the form-level error set by applyServerErrors (a conflict, a refusal). */
export function FormRootError({ className }: { className?: string }) {
  const { errors } = useFormState();
  const message = errors.root?.server?.message;
  if (!message) return null;
  return (
    <p role="alert" className={cn("rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive", className)}>
      {String(message)}
    </p>
  );
}
