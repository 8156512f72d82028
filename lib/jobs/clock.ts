/**
 * The worker's notion of "now". Everything the queue compares with a due time or a lease expiry
 * asks the clock, never the database's CURRENT_TIMESTAMP, so tests set the time instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private t: number;
  constructor(start: Date | number = Date.UTC(2030, 0, 1)) {
    this.t = typeof start === "number" ? start : start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date): void {
    this.t = to.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
