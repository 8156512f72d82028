"use client";

import { useLocale } from "next-intl";
import { useEffect } from "react";
import { z } from "zod";

/**
 * Form validation speaks the console's language: zod's own messages ("Required", "Too small…")
 * come from its locale pack. Set in the browser only, after hydration — the server's zod answers
 * API callers and must not change with one user's language.
 */
export function ZodLocale() {
  const locale = useLocale();
  useEffect(() => {
    z.config(locale === "zh-CN" ? z.locales.zhCN() : z.locales.en());
  }, [locale]);
  return null;
}
