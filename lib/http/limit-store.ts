import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type pg from "pg";
import { databaseUrl, providerOf, sqlitePath } from "@/lib/db/config";
import { pgPool } from "@/lib/db/driver";

/**
 * Where the counters of rate limits and credential throttles live, so that several `next start`
 * processes limit a key as one:
 * - REDIS_URL set: Redis (rate-limiter-flexible's Redis store, one ioredis connection per process).
 *   Keys are namespaced by the database (`cdp:<hash of DATABASE_URL>:…`), so deployments or test
 *   runs on other databases that share the Redis never share a counter.
 * - else PostgreSQL: one table `CdpRateLimit` on the database, through a pool of
 *   DB_LIMIT_POOL_SIZE connections (default 4).
 * - else (SQLite, one process) the process's memory.
 * A shared store that does not answer (Redis or PostgreSQL down, or slower than its timeout) never
 * turns a request into an error: the process's own memory stands in (the insurance limiter), each
 * process then limiting on its own until the store is back.
 */

export const LIMIT_TABLE = "CdpRateLimit";
/** How long one Redis command may take before the insurance limiter answers instead. */
const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long the first limiter of a process waits for a silent Redis before starting on insurance. */
const REDIS_CONNECT_WAIT_MS = 2000;

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

export type LimitStore = "redis" | "postgresql" | "memory";

/** The store limiters are made in, from REDIS_URL and DATABASE_URL. */
export function limitStore(): LimitStore {
  if (process.env.REDIS_URL) return "redis";
  return providerOf(databaseUrl()) === "postgresql" ? "postgresql" : "memory";
}

interface PgShared {
  url: string;
  pool: pg.Pool;
  ready: Promise<void>;
}

interface RedisShared {
  url: string;
  client: Redis;
  /** resolves when the connection is first ready (never rejects) */
  ready: Promise<void>;
}

const g = globalThis as unknown as { __cdpLimitStore?: PgShared; __cdpLimitRedis?: RedisShared };

function pgShared(url: string): PgShared {
  const current = g.__cdpLimitStore;
  if (current && current.url === url) return current;
  if (current) void current.pool.end().catch(() => undefined);
  const pool = pgPool(url, Number(process.env.DB_LIMIT_POOL_SIZE ?? 4));
  const create = async (attempt = 1): Promise<void> => {
    try {
      await pool.query(`CREATE TABLE IF NOT EXISTS "${LIMIT_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
    } catch (err) {
      // two processes creating it at once: one of them loses the race on the catalog
      if (attempt < 3) return create(attempt + 1);
      throw err;
    }
  };
  const ready = create();
  const store = { url, pool, ready };
  ready.catch(() => {
    if (g.__cdpLimitStore === store) g.__cdpLimitStore = undefined;
  });
  g.__cdpLimitStore = store;
  return store;
}

function redisShared(url: string): RedisShared {
  const current = g.__cdpLimitRedis;
  if (current && current.url === url) return current;
  if (current) current.client.disconnect();
  const client = new Redis(url, {
    // while disconnected, commands fail at once (and the insurance limiter answers) instead of queueing
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    // keep trying in the background, at most every 5 s
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  let down = false;
  client.on("error", (err: Error) => {
    // ioredis repeats the error on every reconnection attempt: say it once per outage
    if (!down) console.error(`rate limits: Redis unreachable (${err.message}); each process limits on its own until it is back`);
    down = true;
  });
  client.on("ready", () => {
    if (down) console.error("rate limits: Redis is back");
    down = false;
  });
  const ready = new Promise<void>((resolve) => {
    client.once("ready", () => resolve());
    // refused or unreachable: start on insurance at once rather than wait
    client.once("error", () => resolve());
    setTimeout(resolve, REDIS_CONNECT_WAIT_MS).unref();
  });
  const store = { url, client, ready };
  g.__cdpLimitRedis = store;
  return store;
}

/** The namespace of this database's counters in a Redis shared with others. */
export function redisNamespace(url = databaseUrl()): string {
  const identity = providerOf(url) === "sqlite" ? `file:${sqlitePath(url)}` : url;
  return `cdp:${createHash("sha256").update(identity).digest("hex").slice(0, 12)}`;
}

/** A limiter in the process's store: Redis, PostgreSQL's shared table, or memory. */
export async function makeLimiter(opts: LimiterOptions): Promise<RateLimiterAbstract> {
  const store = limitStore();
  if (store === "redis") {
    const redis = redisShared(process.env.REDIS_URL!);
    await redis.ready;
    return new RateLimiterRedis({
      ...opts,
      keyPrefix: `${redisNamespace()}:${opts.keyPrefix}`,
      storeClient: redis.client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(opts),
    });
  }
  if (store === "memory") return new RateLimiterMemory(opts);
  const pgStore = pgShared(databaseUrl());
  await pgStore.ready;
  return new RateLimiterPostgres({
    ...opts,
    storeClient: pgStore.pool,
    storeType: "pool",
    tableName: LIMIT_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: true,
    insuranceLimiter: new RateLimiterMemory(opts),
  });
}

/** Whether this process's Redis connection is up (tests, diagnostics); false without REDIS_URL. */
export function redisReady(): boolean {
  return g.__cdpLimitRedis?.client.status === "ready";
}

/** Closes the shared stores' connections (tests, shutdown). */
export async function closeLimitStores(): Promise<void> {
  const { __cdpLimitRedis: redis, __cdpLimitStore: pgStore } = g;
  g.__cdpLimitRedis = undefined;
  g.__cdpLimitStore = undefined;
  globalForLimiters.__cdpLimiters?.clear();
  redis?.client.disconnect();
  await pgStore?.pool.end().catch(() => undefined);
}

const globalForLimiters = globalThis as unknown as { __cdpLimiters?: Map<string, Map<string, Promise<RateLimiterAbstract>>> };

/**
 * Limiters made once per (scope, store, name): the store follows REDIS_URL and DATABASE_URL (tests
 * switch them). The cache lives on globalThis: Next.js bundles this module into several server
 * chunks, and in-memory counters split per chunk would let one key through once per route.
 */
export function limiterCache(scope: string) {
  const all = (globalForLimiters.__cdpLimiters ??= new Map());
  return (name: string, opts: LimiterOptions): Promise<RateLimiterAbstract> => {
    let made = all.get(scope);
    if (!made) all.set(scope, (made = new Map<string, Promise<RateLimiterAbstract>>()));
    const key = `${process.env.REDIS_URL ?? ""}\u0000${databaseUrl()}\u0000${name}`;
    let limiter = made.get(key);
    if (!limiter) {
      limiter = makeLimiter(opts);
      made.set(key, limiter);
      const cache = made;
      limiter.catch(() => cache.delete(key));
    }
    return limiter;
  };
}
