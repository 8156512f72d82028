import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "@/lib/errors";
import { closeLimitStores, limitStore, redisNamespace, redisReady } from "./limit-store";
import { consumeRateLimit } from "./rate-limit";
import { FAILURES_PER_APP_KEY, credentialAttempt } from "./throttle";

/**
 * Rate limits and credential throttles kept in Redis (REDIS_URL): the Redis of this machine and of
 * CI at 127.0.0.1:6379 (CDP_TEST_REDIS_URL points elsewhere). Keys are unique per run; the namespace
 * follows the test file's own database.
 */

const REDIS = process.env.CDP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const run = randomBytes(4).toString("hex");
const direct = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
const saved = { redis: process.env.REDIS_URL, rateLimit: process.env.CDP_RATE_LIMIT, db: "" };

beforeEach(async () => {
  saved.db = process.env.DATABASE_URL!; // the test file's database, set by lib/test/setup.ts
  process.env.REDIS_URL = REDIS;
  process.env.CDP_RATE_LIMIT = "on";
  await closeLimitStores();
});

afterEach(async () => {
  process.env.REDIS_URL = saved.redis;
  if (saved.redis === undefined) delete process.env.REDIS_URL;
  process.env.CDP_RATE_LIMIT = saved.rateLimit;
  if (saved.rateLimit === undefined) delete process.env.CDP_RATE_LIMIT;
  process.env.DATABASE_URL = saved.db;
  await closeLimitStores();
});

afterAll(async () => {
  const keys = await direct.keys(`cdp:*:*${run}*`);
  if (keys.length) await direct.del(...keys);
  direct.disconnect();
});

/** How many of `n` consecutive requests of `key` are let through (rate 1/s, burst `burst`). */
async function admitted(key: string, n: number, burst: number): Promise<{ ok: number; retryAfter: number[] }> {
  let ok = 0;
  const retryAfter: number[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await consumeRateLimit(key, 1, burst);
      ok++;
    } catch (err) {
      if (!isDomainError(err) || err.reason !== "rate_limited") throw err;
      retryAfter.push(Number(err.retryAfter));
    }
  }
  return { ok, retryAfter };
}

describe("limits in Redis", () => {
  it("REDIS_URL puts the counters in Redis, whatever the database", async () => {
    expect(limitStore()).toBe("redis");
    const key = `key:${run}-a`;
    const res = await admitted(key, 7, 5);
    expect(res.ok).toBe(5);
    // refused twice, each told to come back within the 5-second window
    expect(res.retryAfter).toHaveLength(2);
    expect(res.retryAfter.every((s) => s >= 1 && s <= 5)).toBe(true);
    expect(redisReady()).toBe(true);
    // the count is Redis's, where every other process reads it
    await direct.connect().catch(() => undefined);
    expect(await direct.get(`${redisNamespace()}:rl1_5:${key}`)).toBe("7");
    // and a window that Redis forgets is forgotten by the app
    await direct.del(`${redisNamespace()}:rl1_5:${key}`);
    expect((await admitted(key, 1, 5)).ok).toBe(1);
  });

  it("counts failed credential attempts in Redis: the next process refuses the appKey too", async () => {
    const appKey = `ak_${run}`;
    for (let i = 0; i < FAILURES_PER_APP_KEY; i++) {
      const attempt = await credentialAttempt(undefined);
      await attempt.claim(appKey);
      await attempt.failed();
    }
    const next = await credentialAttempt(undefined);
    await expect(next.claim(appKey)).rejects.toMatchObject({ reason: "rate_limited" });
    // a process starting now (an empty memory) reads the same count
    await closeLimitStores();
    const fresh = await credentialAttempt(undefined);
    await expect(fresh.claim(appKey)).rejects.toMatchObject({ reason: "rate_limited" });
    await direct.connect().catch(() => undefined);
    expect(Number(await direct.get(`${redisNamespace()}:cred-app:${appKey}`))).toBe(FAILURES_PER_APP_KEY);
  });

  it("keeps the counters of two databases apart in one Redis", async () => {
    const key = `key:${run}-b`;
    expect((await admitted(key, 3, 3)).ok).toBe(3);
    process.env.DATABASE_URL = `file:/tmp/cdp-other-${run}.db`;
    // nothing is opened on that database: the limiter needs only Redis
    expect((await admitted(key, 4, 3)).ok).toBe(3);
  });

  it("with Redis down, requests are still answered and the process limits on its own", async () => {
    // nothing listens on port 1
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const key = `key:${run}-down`;
    const res = await admitted(key, 6, 4);
    expect(res.ok).toBe(4);
    expect(res.retryAfter).toHaveLength(2);
    expect(redisReady()).toBe(false);
    // the credential throttle as well: an attempt starts and fails without an error of its own
    const attempt = await credentialAttempt("203.0.113.9");
    await attempt.claim(`ak_${run}_down`);
    await attempt.failed();
  });
});
