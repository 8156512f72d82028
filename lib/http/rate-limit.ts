import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { fail } from "@/lib/errors";

/**
 * Per-API-key limits: `burst` requests may come at once, refilled at `ratePerSecond` (a window of
 * burst / rate seconds). Limiters are made per distinct (rate, burst) pair and keyed by API key id.
 */
const limiters = new Map<string, RateLimiterMemory>();

function limiterFor(ratePerSecond: number, burst: number): RateLimiterMemory {
  const id = `${ratePerSecond}/${burst}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterMemory({ points: burst, duration: Math.max(1, Math.round(burst / ratePerSecond)) });
    limiters.set(id, limiter);
  }
  return limiter;
}

export async function consumeRateLimit(key: string, ratePerSecond: number, burst: number): Promise<void> {
  if (process.env.CDP_RATE_LIMIT === "off") return;
  try {
    await limiterFor(ratePerSecond, burst).consume(key, 1);
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      throw fail("rate_limited", "rate limit exceeded", {
        retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      });
    }
    throw res;
  }
}
