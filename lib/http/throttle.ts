import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { fail } from "@/lib/errors";
import { limiterCache } from "./limit-store";

/**
 * Failed credential attempts, throttled per appKey and per client address: guessing a secret (or a
 * token) gets a 429 with Retry-After once the failures of a window are used up, even for a right
 * guess, until the window ends. Successful attempts are not counted.
 */
export const FAILURES_PER_APP_KEY = 10;
export const FAILURES_PER_ADDRESS = 60;
export const FAILURE_WINDOW_SECONDS = 60;

// counters shared by every process on PostgreSQL (limit-store.ts)
const limiters = limiterCache("throttle");
const byAppKey = () => limiters("cred-app", { keyPrefix: "cred-app", points: FAILURES_PER_APP_KEY, duration: FAILURE_WINDOW_SECONDS });
const byAddress = () => limiters("cred-addr", { keyPrefix: "cred-addr", points: FAILURES_PER_ADDRESS, duration: FAILURE_WINDOW_SECONDS });

/**
 * The client's address: the first hop of x-forwarded-for (set by the load balancer in front), else
 * unknown. A route handler does not see the socket's address, and one shared constant for every
 * client without the header would let one guesser lock everybody out, so an unknown address is only
 * throttled per appKey.
 */
export function clientAddress(req: Request): string | undefined {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined;
}

export interface CredentialAttempt {
  /** also throttle (and count failures against) this appKey */
  claim(appKey: string | undefined): Promise<void>;
  /** the attempt failed: count it against the address and every claimed appKey */
  failed(): Promise<void>;
}

const off = () => process.env.CDP_RATE_LIMIT === "off";

async function refuseIfSpent(limiterOf: () => Promise<RateLimiterAbstract>, key: string): Promise<void> {
  const limiter = await limiterOf();
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) {
    throw fail("rate_limited", "too many failed credential attempts", {
      retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });
  }
}

/** Starts an attempt from this address: refuses at once when its failures are used up. */
export async function credentialAttempt(address: string | undefined): Promise<CredentialAttempt> {
  const appKeys: string[] = [];
  if (address && !off()) await refuseIfSpent(byAddress, address);
  return {
    async claim(appKey) {
      if (!appKey || off()) return;
      await refuseIfSpent(byAppKey, appKey);
      appKeys.push(appKey);
    },
    async failed() {
      if (off()) return;
      const count = async (limiterOf: () => Promise<RateLimiterAbstract>, key: string) =>
        (await limiterOf()).consume(key, 1).catch(() => undefined);
      await Promise.all([...(address ? [count(byAddress, address)] : []), ...appKeys.map((k) => count(byAppKey, k))]);
    },
  };
}
