import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import type pg from "pg";
import { databaseUrl, providerOf } from "@/lib/db/config";
import { pgPool } from "@/lib/db/driver";

/**
 * Where the counters of rate limits and credential throttles live. On PostgreSQL they are shared by
 * every process on the database (rate-limiter-flexible's PostgreSQL store, one table
 * `CdpRateLimit`, a pool of DB_LIMIT_POOL_SIZE connections, default 4), so several `next start`
 * processes limit a key as one; a process's own memory stands in while the database does not answer
 * (insurance). On SQLite (one process) they live in memory. Redis would need a client package,
 * which this project does not install.
 */

export const LIMIT_TABLE = "CdpRateLimit";

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

interface Shared {
  url: string;
  pool: pg.Pool;
  ready: Promise<void>;
}

const g = globalThis as unknown as { __cdpLimitStore?: Shared };

function shared(url: string): Shared {
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

/** A limiter in the process's store: PostgreSQL's shared table, or memory on SQLite. */
export async function makeLimiter(opts: LimiterOptions): Promise<RateLimiterAbstract> {
  const url = databaseUrl();
  if (providerOf(url) !== "postgresql") return new RateLimiterMemory(opts);
  const store = shared(url);
  await store.ready;
  return new RateLimiterPostgres({
    ...opts,
    storeClient: store.pool,
    storeType: "pool",
    tableName: LIMIT_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: true,
    insuranceLimiter: new RateLimiterMemory(opts),
  });
}

const globalForLimiters = globalThis as unknown as { __cdpLimiters?: Map<string, Map<string, Promise<RateLimiterAbstract>>> };

/**
 * Limiters made once per (scope, url, name): the store follows DATABASE_URL (tests switch it). The
 * cache lives on globalThis: Next.js bundles this module into several server chunks, and in-memory
 * counters split per chunk would let one key through once per route.
 */
export function limiterCache(scope: string) {
  const all = (globalForLimiters.__cdpLimiters ??= new Map());
  const made = all.get(scope) ?? new Map<string, Promise<RateLimiterAbstract>>();
  all.set(scope, made);
  return (name: string, opts: LimiterOptions): Promise<RateLimiterAbstract> => {
    const key = `${databaseUrl()}\u0000${name}`;
    let limiter = made.get(key);
    if (!limiter) {
      limiter = makeLimiter(opts);
      made.set(key, limiter);
      limiter.catch(() => made.delete(key));
    }
    return limiter;
  };
}
