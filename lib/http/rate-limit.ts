import { RateLimiterRes } from "rate-limiter-flexible";
import { fail } from "@/lib/errors";
import { limiterCache } from "./limit-store";

/**
 * Per-API-key limits: `burst` requests may come at once, refilled at `ratePerSecond` (a window of
 * burst / rate seconds). Limiters are made per distinct (rate, burst) pair and keyed by API key id;
 * on PostgreSQL their counters are shared by every process (limit-store.ts).
 */
const limiterFor = limiterCache("rate");

export async function consumeRateLimit(key: string, ratePerSecond: number, burst: number): Promise<void> {
  if (process.env.CDP_RATE_LIMIT === "off") return;
  const limiter = await limiterFor(`${ratePerSecond}/${burst}`, {
    keyPrefix: `rl${ratePerSecond}_${burst}`,
    points: burst,
    duration: Math.max(1, Math.round(burst / ratePerSecond)),
  });
  try {
    await limiter.consume(key, 1);
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      throw fail("rate_limited", "rate limit exceeded", {
        retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      });
    }
    throw res;
  }
}
