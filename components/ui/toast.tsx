"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";
import en from "@/messages/en/errors.json";
import zh from "@/messages/zh-CN/errors.json";

/** Mounted once by components/providers.tsx; follows the console theme. */
export function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      richColors
      closeButton
      toastOptions={{ classNames: { toast: "font-sans" } }}
      {...props}
    />
  );
}

/** `toast.success("Saved")`, `toast.error(…)`. For a failed call use useErrorText().toastError, which words it in the user's language. */
export { toast };

/**
 * Outside React (no translations at hand): the error's own message, else "something went wrong" in
 * the page's language (<html lang>). Prefer useErrorText().toastError.
 */
export function toastError(err: unknown, fallback?: string) {
  const internal = typeof document !== "undefined" && document.documentElement.lang === "zh-CN" ? zh.internal : en.internal;
  toast.error(err instanceof Error && err.message ? err.message : (fallback ?? internal));
}
