/** The console's languages. Data is never translated; only the console's own texts are. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best console language for an `Accept-Language` header: the highest-weighted range that one of
 * ours matches by language (`zh`, `zh-TW`, `zh-Hans-CN` → zh-CN; `en-GB` → en), or undefined.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const language = tag.split("-")[0];
    if (language === "zh") return "zh-CN";
    if (language === "en") return "en";
  }
  return undefined;
}

/** The user's choice, else the browser's, else the tenant's default. */
export function resolveLocale(opts: { user?: string | null; acceptLanguage?: string | null; tenant?: string | null }): Locale {
  if (isLocale(opts.user)) return opts.user;
  return fromAcceptLanguage(opts.acceptLanguage) ?? (isLocale(opts.tenant) ? opts.tenant : DEFAULT_LOCALE);
}
