"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "@/components/ui/toast";
import type { ErrorDetail, ErrorParams } from "@/lib/errors";
import { ApiError } from "@/lib/http/fetch-json";

/**
 * Words a failed call in the user's language: the server's `reason` (or a field's) from
 * messages/<locale>/errors.json, else the status's kind, never the server's English message
 * unless nothing else is known.
 */
export function useErrorText() {
  const t = useTranslations("errors");
  const word = useCallback(
    (reason: string | undefined, fallback: string, params: ErrorParams = {}): string => {
      if (!reason || !t.has(reason as never)) return fallback;
      // A text that names a value ({phone}) is used only when the server sent that value.
      const template = String(t.raw(reason as never));
      const named = [...template.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((m) => m[1]);
      if (!named.every((name) => name in params)) return fallback;
      return t(reason as never, params as never);
    },
    [t],
  );

  /** one line for a toast or an alert */
  const errorText = useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        const field = err.details.find((d) => d.reason);
        const kindFallback = err.kind === "internal" ? t("internal") : err.message;
        return err.reason === "invalid_input" && field
          ? word(field.reason, kindFallback, field.params)
          : word(err.reason, kindFallback, err.params);
      }
      return t("internal");
    },
    [t, word],
  );

  /** the message for one field's detail, for a form's inline error */
  const detailText = useCallback((detail: ErrorDetail): string => word(detail.reason, detail.message, detail.params), [word]);

  const toastError = useCallback((err: unknown) => toast.error(errorText(err)), [errorText]);

  return { errorText, detailText, toastError };
}
