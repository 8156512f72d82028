"use client";

import { toNestErrors } from "@hookform/resolvers";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import { z } from "zod";

type Issue = z.core.$ZodIssue;

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  let v: unknown = values;
  for (const key of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[key];
  return v;
}

/**
 * react-hook-form's resolver for a zod schema, with every message in the user's language. The
 * schemas in lib/ carry English messages for API callers ("is required", "must be at most 50
 * characters"), and a schema's own message outranks any error map, so the issues are worded here
 * after parsing, by their code and limits. `custom` words a form's own refinements (by path or
 * message); anything else falls back to zod's locale pack.
 */
export function useFormResolver<I extends FieldValues, O>(
  schema: z.ZodType<O, I>,
  custom?: (issue: Issue) => string | undefined,
): Resolver<I, unknown, O> {
  const locale = useLocale();
  const t = useTranslations("common.validation");
  return useMemo(() => {
    const pack = locale === "zh-CN" ? z.locales.zhCN() : z.locales.en();
    const word = (issue: Issue, values: unknown): string => {
      const own = custom?.(issue);
      if (own) return own;
      const value = valueAt(values, issue.path);
      const blank = value === undefined || value === null || value === "";
      switch (issue.code) {
        case "invalid_type":
          if (blank) return t("required");
          return issue.expected === "number" || issue.expected === "int" ? t("number") : t("invalid");
        case "too_small":
          if (issue.origin === "string") return Number(issue.minimum) <= 1 ? t("required") : t("tooShort", { min: Number(issue.minimum) });
          if (issue.origin === "number") return t("min", { min: Number(issue.minimum) });
          return blank ? t("required") : t("tooFew", { min: Number(issue.minimum) });
        case "too_big":
          if (issue.origin === "string") return t("tooLong", { max: Number(issue.maximum) });
          if (issue.origin === "number") return t("max", { max: Number(issue.maximum) });
          return t("tooMany", { max: Number(issue.maximum) });
        case "invalid_format":
          return issue.format === "email" ? t("email") : t("format");
        case "invalid_value":
          return t("choose");
        case "custom":
          return t("invalid");
        default: {
          const out = pack.localeError(issue as never);
          return typeof out === "string" ? out : (out?.message ?? t("invalid"));
        }
      }
    };
    const resolver: Resolver<I, unknown, O> = async (values, _context, options) => {
      const result = await schema.safeParseAsync(values);
      if (result.success) return { values: result.data, errors: {} };
      const flat: Record<string, FieldError> = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join(".");
        flat[path] ??= { type: issue.code, message: word(issue, values) };
      }
      return { values: {}, errors: toNestErrors(flat, options) };
    };
    return resolver;
  }, [schema, custom, locale, t]);
}
