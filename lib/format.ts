import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * "2026-11-23 19:47" in the tenant's time zone. Server and browser render the same text (no
 * hydration mismatch), and every user of a tenant sees the same clock.
 */
export function formatDateTime(value: string | Date | null | undefined, timeZone: string, empty = "—"): string {
  if (!value) return empty;
  return format(new TZDate(new Date(value).getTime(), timeZone), "yyyy-MM-dd HH:mm");
}

export function formatDate(value: string | Date | null | undefined, timeZone: string, empty = "—"): string {
  if (!value) return empty;
  return format(new TZDate(new Date(value).getTime(), timeZone), "yyyy-MM-dd");
}
