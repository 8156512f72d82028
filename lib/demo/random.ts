/**
 * A seeded random source for the demo data, so every fresh database gets the same customers
 * (relative to the day it is seeded). mulberry32: small, fast and good enough for fixtures.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** picks by weight: `[[value, weight], …]` */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1][0];
  }

  /** `n` distinct items (fewer if the list is shorter) */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }

  /** a count with a long tail: most small, a few large (geometric with the given mean) */
  geometric(mean: number, max: number): number {
    const p = 1 / (mean + 1);
    return Math.min(max, Math.floor(Math.log(1 - this.next()) / Math.log(1 - p)));
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Hours of the day (China time) people browse and buy, weighted: quiet at night, peaks at noon and evening. */
const HOURS: [number, number][] = [
  [0, 2], [1, 1], [2, 0.5], [3, 0.3], [4, 0.3], [5, 0.5], [6, 1], [7, 3], [8, 5], [9, 7], [10, 8], [11, 8],
  [12, 9], [13, 7], [14, 7], [15, 7], [16, 7], [17, 6], [18, 7], [19, 9], [20, 11], [21, 11], [22, 8], [23, 4],
];

/** The same day (China time) as `instant`, at an hour people are active; never after `now`. */
export function atActiveHour(rnd: Random, instant: number, now: Date, notBefore = -Infinity): Date {
  const day = Math.floor((instant + SHANGHAI_OFFSET_MS) / DAY_MS);
  const at = day * DAY_MS - SHANGHAI_OFFSET_MS + rnd.weighted(HOURS) * 3_600_000 + rnd.int(0, 3599) * 1000;
  if (at <= now.getTime() && at >= notBefore) return new Date(at);
  // the chosen hour fell outside the window (later today, say): somewhere in the allowed hours instead
  const lo = Math.max(notBefore, now.getTime() - 6 * 3_600_000);
  return new Date(lo + rnd.next() * (now.getTime() - lo));
}

/**
 * An instant within the last `days` days (and not before `notBefore`), at a plausible hour of the
 * day in China, never after `now`. A share `recent` of the draws has a density falling linearly
 * with age; the rest is uniform.
 */
export function recentInstant(rnd: Random, now: Date, days: number, notBefore?: Date, recent = 0.75): Date {
  const floor = notBefore ? Math.max(0, (now.getTime() - notBefore.getTime()) / DAY_MS) : days;
  const span = Math.min(days, floor);
  const age = rnd.chance(recent) ? span * (1 - Math.sqrt(rnd.next())) : rnd.next() * span;
  return atActiveHour(rnd, now.getTime() - age * DAY_MS, now, notBefore?.getTime());
}
