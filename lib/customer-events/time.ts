import { tzOffset } from "@date-fns/tz";

/**
 * The events dialect's wall-clock strings ("yyyy-MM-dd HH:mm:ss", read and written in the tenant's
 * time zone) and UTC instants. These run once or twice per recorded event, so they work from the
 * zone's UTC offset (`tzOffset`, ~1 µs) rather than constructing a TZDate per value (~8 µs).
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/**
 * The years every dialect accepts (docs: API decisions, "Time"). Inside them every time round-trips
 * exactly; outside them JavaScript's Date.UTC reads years 0–99 as 1900–1999, and nobody records
 * customer events in year 99 or 3000 on purpose.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Calendar-checked parts of "yyyy-MM-dd HH:mm:ss" (or "yyyy-MM-dd" when `dateOnly`) in years 1900–2999, else null. */
export function parseWallClock(value: string, dateOnly = false): WallClock | null {
  const m = (dateOnly ? DATE_ONLY : DATE_TIME).exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = dateOnly ? [0, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  // 2026-02-30 and friends: the day must exist in that month.
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return { y, mo, d, h, mi, s };
}

export const isWallClock = (value: string) => parseWallClock(value) !== null;
export const isCalendarDate = (value: string) => parseWallClock(value, true) !== null;

/**
 * The instant a wall clock denotes in `timeZone`. A time skipped by a daylight-saving jump resolves
 * to the instant after the jump; a repeated one to its first occurrence.
 */
export function wallClockToInstant(w: WallClock, timeZone: string): Date {
  const guess = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const first = tzOffset(timeZone, new Date(guess));
  let t = guess - first * 60_000;
  const second = tzOffset(timeZone, new Date(t));
  if (second !== first) {
    const alt = guess - second * 60_000;
    if (tzOffset(timeZone, new Date(alt)) === second) t = Math.min(t, alt);
  }
  return new Date(t);
}

/** "yyyy-MM-dd HH:mm:ss" in `timeZone` → instant; throws on a malformed or impossible value. */
export function parseTenantTime(value: string, timeZone: string): Date {
  const w = parseWallClock(value);
  if (!w) throw new RangeError(`"${value}" is not a time of the form yyyy-MM-dd HH:mm:ss`);
  return wallClockToInstant(w, timeZone);
}

/** "yyyy-MM-dd" in `timeZone` → the instant its day begins. */
export function parseTenantDate(value: string, timeZone: string): Date {
  const w = parseWallClock(value, true);
  if (!w) throw new RangeError(`"${value}" is not a date of the form yyyy-MM-dd`);
  return wallClockToInstant(w, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function shifted(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + tzOffset(timeZone, instant) * 60_000);
}

/** instant → "yyyy-MM-dd HH:mm:ss" in `timeZone`. */
export function formatTenantTime(instant: Date, timeZone: string): string {
  const l = shifted(instant, timeZone);
  return (
    `${pad(l.getUTCFullYear(), 4)}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ` +
    `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}`
  );
}

/** instant → "yyyy-MM-dd", the day it falls on in `timeZone`. */
export function formatTenantDay(instant: Date, timeZone: string): string {
  const l = shifted(instant, timeZone);
  return `${pad(l.getUTCFullYear(), 4)}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}`;
}
