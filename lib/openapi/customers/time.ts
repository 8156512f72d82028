import { tz } from "@date-fns/tz";
import { format, isValid } from "date-fns";
import { formatTenantTime, parseWallClock, wallClockToInstant } from "@/lib/customer-events/time";

/**
 * The customers dialect's times: strings in the tenant's time zone. Customer fields read and write
 * `yyyy-MM-dd HH:mm` (the seed's examples); feeds answer `yyyy-MM-dd HH:mm:ss`.
 */
export const MINUTES = "yyyy-MM-dd HH:mm";
export const SECONDS = "yyyy-MM-dd HH:mm:ss";

export function formatWireTime(value: Date | null, timeZone: string, pattern = MINUTES): string | null {
  if (!value) return null;
  // the events dialect's formatter: exact for every year 1900–2999 (date-fns' zoned format is off
  // by the zone's local mean time before 1901)
  const full = formatTenantTime(value, timeZone);
  return pattern === MINUTES ? full.slice(0, 16) : pattern === SECONDS ? full : format(value, pattern, { in: tz(timeZone) });
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
    const w = parseWallClock(pattern === SECONDS ? s : pattern === MINUTES ? `${s}:00` : s, pattern === "yyyy-MM-dd");
    return w ? wallClockToInstant(w, timeZone) : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return isValid(d) ? d : null;
  }
  return null;
}
