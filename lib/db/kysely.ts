import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type CompiledQuery,
  type Expression,
  type RawBuilder,
} from "kysely";
import type { DB } from "@/generated/kysely/types";
import { currentProvider } from "@/lib/customer-events/sql";
import type { Provider } from "./config";
import { db, type DbOrTx } from "./client";

/**
 * Kysely as a typed query *builder* only: it compiles to the current provider's SQL and bound
 * parameters, and the statement runs through Prisma (`$queryRawUnsafe`), so it shares Prisma's pool
 * and joins a caller's interactive transaction. The DummyDriver never connects anywhere.
 * Table types come from prisma-kysely (generated/kysely/types.ts, from prisma/schema.prisma).
 */
export type { DB };

const builders = new Map<Provider, Kysely<DB>>();

export function queryBuilder(provider: Provider = currentProvider()): Kysely<DB> {
  let k = builders.get(provider);
  if (!k) {
    k =
      provider === "postgresql"
        ? new Kysely<DB>({
            dialect: {
              createAdapter: () => new PostgresAdapter(),
              createDriver: () => new DummyDriver(),
              createIntrospector: (kdb) => new PostgresIntrospector(kdb),
              createQueryCompiler: () => new PostgresQueryCompiler(),
            },
          })
        : new Kysely<DB>({
            dialect: {
              createAdapter: () => new SqliteAdapter(),
              createDriver: () => new DummyDriver(),
              createIntrospector: (kdb) => new SqliteIntrospector(kdb),
              createQueryCompiler: () => new SqliteQueryCompiler(),
            },
          });
    builders.set(provider, k);
  }
  return k;
}

/** Runs a compiled statement on Prisma's connection (or the caller's transaction). */
export function runQuery<R>(query: CompiledQuery<R> | CompiledQuery, tx: DbOrTx = db): Promise<R[]> {
  return tx.$queryRawUnsafe<R[]>(query.sql, ...query.parameters);
}

/** Runs a compiled INSERT/UPDATE/DELETE; answers the number of rows it changed. */
export function runStatement(query: CompiledQuery, tx: DbOrTx = db): Promise<number> {
  return tx.$executeRawUnsafe(query.sql, ...query.parameters);
}

/**
 * An instant as a bound parameter that compares correctly with a DateTime column on `provider`.
 * SQLite (Prisma's better-sqlite3 adapter) stores `2026-01-02T03:04:05.000+00:00` text, which orders
 * correctly as text; PostgreSQL has `timestamp(3)` (UTC wall clock), so the same text is cast.
 */
export function instantParam(d: Date, provider: Provider = currentProvider()): RawBuilder<string> {
  const text = d.toISOString().replace("Z", "+00:00");
  return provider === "postgresql" ? sql<string>`CAST(${text} AS timestamp(3))` : sql<string>`${text}`;
}

/** A constant true / false predicate that both providers accept. */
export const TRUE: Expression<boolean> = sql<boolean>`(1 = 1)`;
export const FALSE: Expression<boolean> = sql<boolean>`(1 = 0)`;

/** COUNT(*) and friends come back as bigint on PostgreSQL and number on SQLite. */
export function toNumber(v: unknown): number {
  return typeof v === "bigint" ? Number(v) : Number(v ?? 0);
}
