"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";

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

/** `toast.success("Saved")`, `toast.error(…)`; `toastError(err)` for a failed call. */
export { toast };

export function toastError(err: unknown, fallback = "Something went wrong") {
  toast.error(err instanceof Error && err.message ? err.message : fallback);
}
