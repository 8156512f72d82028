"use client";

import { useTranslations } from "next-intl";
import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import { useState, type ComponentProps, type ReactNode } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button, buttonVariants } from "@/components/ui/button";
import { ApiError } from "@/lib/http/fetch-json";
import { cn } from "@/lib/utils";

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;

export function AlertDialogContent({ className, ...props }: ComponentProps<typeof AlertDialogPrimitive.Content>) {
  return (
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay className="fixed inset-0 z-50 bg-overlay data-[state=open]:animate-fade-in" />
      <AlertDialogPrimitive.Content
        data-slot="alert-dialog-content"
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border bg-background p-6 shadow-lg data-[state=open]:animate-zoom-in",
          className,
        )}
        {...props}
      />
    </AlertDialogPrimitive.Portal>
  );
}

export function AlertDialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-2", className)} {...props} />;
}

export function AlertDialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}

export function AlertDialogTitle({ className, ...props }: ComponentProps<typeof AlertDialogPrimitive.Title>) {
  return <AlertDialogPrimitive.Title className={cn("text-lg font-semibold", className)} {...props} />;
}

export function AlertDialogDescription({ className, ...props }: ComponentProps<typeof AlertDialogPrimitive.Description>) {
  return <AlertDialogPrimitive.Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function AlertDialogAction({ className, ...props }: ComponentProps<typeof AlertDialogPrimitive.Action>) {
  return <AlertDialogPrimitive.Action className={cn(buttonVariants(), className)} {...props} />;
}

export function AlertDialogCancel({ className, ...props }: ComponentProps<typeof AlertDialogPrimitive.Cancel>) {
  return <AlertDialogPrimitive.Cancel className={cn(buttonVariants({ variant: "outline" }), className)} {...props} />;
}

export interface ConfirmDialogProps {
  /** the element that opens the confirmation (rendered with asChild) */
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  /** styles the confirm button as destructive */
  destructive?: boolean;
  /**
   * Why the action cannot be done, when that is known before trying (an item still in use): the
   * dialog says so and offers no confirm button, only Close.
   */
  blocked?: ReactNode;
  /** may return a promise: the dialog stays open, its button disabled, until it settles; a rejection keeps it open */
  onConfirm: () => unknown | Promise<unknown>;
}

/**
 * A ready confirmation: "Revoke this key?" with Cancel / Revoke. A refused action shows its reason
 * inside the dialog (not a toast behind it); a refusal that retrying cannot change (a conflict, a
 * missing permission) also takes the confirm button away.
 */
export function ConfirmDialog({ trigger, title, description, confirmLabel, destructive, blocked, onConfirm }: ConfirmDialogProps) {
  const t = useTranslations("common");
  const { errorText } = useErrorText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; final: boolean } | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      const final = err instanceof ApiError && (err.kind === "conflict" || err.kind === "forbidden" || err.kind === "not_found");
      setError({ text: errorText(err), final });
    } finally {
      setBusy(false);
    }
  }
  const refusal = blocked ?? error?.text;
  const canConfirm = !blocked && !error?.final;
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          {description && <AlertDialogDescription>{description}</AlertDialogDescription>}
        </AlertDialogHeader>
        {refusal && (
          <p role="alert" data-testid="confirm-refusal" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {refusal}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{canConfirm ? t("cancel") : t("close")}</AlertDialogCancel>
          {/* a plain Button: AlertDialog.Action would close the dialog before the promise settles */}
          {canConfirm && (
            <Button variant={destructive ? "destructive" : "default"} disabled={busy} onClick={confirm}>
              {busy ? t("working") : (confirmLabel ?? t("confirm"))}
            </Button>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
