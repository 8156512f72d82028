import { formatTenantDay, parseWallClock, wallClockToInstant, type WallClock } from "@/lib/customer-events/time";

/**
 * Dates in rules are the tenant's local `yyyy-MM-dd` or `yyyy-MM-dd HH:mm:ss` (years 1900–2999, the
 * same wall-clock code the events dialect uses). A rule's date becomes bounds on a column:
 * - instant columns (createdAt, updatedAt, event times, Date/DateTime attributes) read it in the
 *   tenant's zone;
 * - day columns (custom `date` fields, stored as the day at 00:00 UTC) read it as a calendar day, in UTC.
 *
 * before d      value < start of d (a date) or < d (a date and time)
 * after d       value ≥ start of the day after d (a date) or > d (a date and time)
 * between a,b   after-or-on a and before-or-on b (b a date: the whole day b)
 * inLastDays n  from 00:00 (tenant's zone) of the day n days before today, up to now; n = 0 is today
 *               (for day columns: the days today−n … today)
 * notInLastDays n   a value is set and is not in the last n days
 */

export interface Bounds {
  gte?: Date;
  gt?: Date;
  lt?: Date;
  lte?: Date;
}

/** A rule's date value, or null when it is not `yyyy-MM-dd` / `yyyy-MM-dd HH:mm:ss` in 1900–2999. */
export function parseRuleDate(value: unknown): { wall: WallClock; dateOnly: boolean } | null {
  if (typeof value !== "string") return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const wall = parseWallClock(value, dateOnly);
  return wall ? { wall, dateOnly } : null;
}

function nextDay(w: WallClock): WallClock {
  const d = new Date(Date.UTC(w.y, w.mo - 1, w.d + 1));
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: 0, mi: 0, s: 0 };
}

function dayWall(day: string): WallClock {
  const w = parseWallClock(day, true);
  if (!w) throw new RangeError(`bad day ${day}`);
  return w;
}

/** The day `n` days before `now`'s day in the tenant's zone, as yyyy-MM-dd. */
export function dayBefore(now: Date, timeZone: string, n: number): string {
  const today = dayWall(formatTenantDay(now, timeZone));
  const d = new Date(Date.UTC(today.y, today.mo - 1, today.d - n));
  return d.toISOString().slice(0, 10);
}

/** `zone`: the tenant's zone for instant columns, "UTC" for day columns. */
export function dateBounds(
  op: string,
  value: unknown,
  opts: { zone: string; tenantZone: string; now: Date; dayColumn: boolean },
): Bounds {
  const at = (w: WallClock) => wallClockToInstant(w, opts.zone);
  const point = (v: unknown) => {
    const p = parseRuleDate(v);
    if (!p) throw new RangeError(`not a date: ${String(v)}`);
    return p;
  };
  switch (op) {
    case "before":
      return { lt: at(point(value).wall) };
    case "after": {
      const p = point(value);
      return p.dateOnly ? { gte: at(nextDay(p.wall)) } : { gt: at(p.wall) };
    }
    case "between": {
      const [a, b] = (value as unknown[]).map(point);
      return { gte: at(a.wall), ...(b.dateOnly ? { lt: at(nextDay(b.wall)) } : { lte: at(b.wall) }) };
    }
    case "inLastDays":
    case "notInLastDays": {
      const start = at(dayWall(dayBefore(opts.now, opts.tenantZone, Number(value))));
      const end = opts.dayColumn ? at(dayWall(dayBefore(opts.now, opts.tenantZone, 0))) : opts.now;
      return { gte: start, lte: end };
    }
    default:
      throw new RangeError(`not a date operator: ${op}`);
  }
}
