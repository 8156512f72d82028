import { tz } from "@date-fns/tz";
import { format, isValid, parse } from "date-fns";

/**
 * The customers dialect's times: strings in the tenant's time zone. Customer fields read and write
 * `yyyy-MM-dd HH:mm` (the seed's examples); feeds answer `yyyy-MM-dd HH:mm:ss`.
 */
export const MINUTES = "yyyy-MM-dd HH:mm";
export const SECONDS = "yyyy-MM-dd HH:mm:ss";

export function formatWireTime(value: Date | null, timeZone: string, pattern = MINUTES): string | null {
  return value ? format(value, pattern, { in: tz(timeZone) }) : null;
}

const FORMS: [RegExp, string][] = [
  [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, SECONDS],
  [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, MINUTES],
  [/^\d{4}-\d{2}-\d{2}$/, "yyyy-MM-dd"],
];

/**
 * `yyyy-MM-dd HH:mm[:ss]` or `yyyy-MM-dd` in the tenant's zone, or an ISO 8601 instant with an
 * offset (`2016-03-02T15:04:05.000+08:00`, as the seed's ticket example writes); null otherwise.
 */
export function parseWireTime(text: string, timeZone: string): Date | null {
  const s = text.trim();
  // years 1900–2999 only (lib/customer-events/time.ts): outside them times do not round-trip
  const year = Number(s.slice(0, 4));
  if (!(year >= 1900 && year <= 2999)) return null;
  for (const [re, pattern] of FORMS) {
    if (!re.test(s)) continue;
    const d = parse(s, pattern, new Date(0), { in: tz(timeZone) });
    return isValid(d) ? new Date(d.getTime()) : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return isValid(d) ? d : null;
  }
  return null;
}
