import pg from "pg";
import type BetterSqlite3 from "better-sqlite3";
import { databaseUrl, providerOf, type Provider } from "./config";
import { getDb, sqliteAdapterOf, type DbOrTx } from "./client";

/**
 * The hot paths' way to the database without Prisma's query compiler: statements run on the
 * drivers themselves (better-sqlite3, node-pg), prepared once and reused.
 *
 * - SQLite: the very connection Prisma's adapter opened (one per process; a second connection in
 *   the same process would wait on the first's write lock with the event loop blocked). Statements
 *   are prepared once per SQL text (kept in a bounded cache). Transactions take the adapter's own
 *   mutex (its `startTransaction`), so they never interleave with Prisma's.
 * - PostgreSQL: a small pool of its own (DB_FAST_POOL_SIZE, default 4). Statements with a fixed
 *   text are named, so node-pg prepares each once per connection; timestamps are read as UTC.
 *
 * `Runner` has the two raw methods of a Prisma client/transaction with the same meaning (rows as
 * objects, `?` placeholders on SQLite and `$n` on PostgreSQL), so code written against
 * `DbOrTx.$queryRawUnsafe` (lib/scenarios, lib/jobs) runs unchanged inside a driver transaction:
 * `asDbOrTx(runner)`. Integers come back as numbers on SQLite and as numbers or strings (int8) on
 * PostgreSQL; callers already wrap them in Number(). DateTime columns come back as strings on SQLite.
 */
export interface Runner {
  readonly provider: Provider;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

export interface Driver extends Runner {
  /** Runs `fn` in one transaction (BEGIN IMMEDIATE on SQLite); commits unless it throws. */
  transaction<T>(fn: (tx: Runner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A runner where the raw-SQL helpers of other modules expect a Prisma client or transaction. */
export function asDbOrTx(runner: Runner): DbOrTx {
  return runner as unknown as DbOrTx;
}

// ─── SQLite ──────────────────────────────────────────────────────────────────────────────────────

type SqliteAdapter = {
  client: BetterSqlite3.Database;
  startTransaction(): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
};

const STATEMENT_CACHE = 500;

/** Prepared statements of one connection, by SQL text (oldest dropped beyond the bound). */
class StatementCache {
  private map = new Map<string, BetterSqlite3.Statement>();
  constructor(private conn: BetterSqlite3.Database) {}

  get(sql: string): BetterSqlite3.Statement {
    let stmt = this.map.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql);
      if (stmt.reader) stmt.safeIntegers(false);
      // large multi-row statements are one-offs: not worth keeping
      if (sql.length < 4000) {
        if (this.map.size >= STATEMENT_CACHE) this.map.delete(this.map.keys().next().value!);
        this.map.set(sql, stmt);
      }
    }
    return stmt;
  }
}

class SqliteRunner implements Runner {
  readonly provider = "sqlite" as const;
  constructor(protected statements: StatementCache) {}

  async $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> {
    return this.querySync(sql, values) as T;
  }

  async $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> {
    return this.executeSync(sql, values);
  }

  querySync(sql: string, values: readonly unknown[]): unknown[] {
    const stmt = this.statements.get(sql);
    if (!stmt.reader) {
      stmt.run(...values.map(sqliteValue));
      return [];
    }
    return stmt.all(...values.map(sqliteValue));
  }

  executeSync(sql: string, values: readonly unknown[]): number {
    const stmt = this.statements.get(sql);
    if (stmt.reader) return stmt.all(...values.map(sqliteValue)).length;
    return stmt.run(...values.map(sqliteValue)).changes;
  }

  /** One statement run once per row of values: prepared once, no promise per row. */
  eachSync<T>(sql: string, rows: readonly (readonly unknown[])[]): (T | undefined)[] {
    const stmt = this.statements.get(sql);
    const out: (T | undefined)[] = new Array(rows.length);
    if (stmt.reader) for (let i = 0; i < rows.length; i++) out[i] = stmt.get(...rows[i].map(sqliteValue)) as T | undefined;
    else for (let i = 0; i < rows.length; i++) stmt.run(...rows[i].map(sqliteValue));
    return out;
  }
}

/**
 * Runs one statement once per row of values, in order, in the caller's transaction (or none), and
 * returns each run's first row (undefined when it returned none). This is how SQLite takes many
 * rows best: on the driver the statement is prepared once and each run is a synchronous call on
 * it (a 1,000-row VALUES list instead costs SQLite ~10 ms just to compile, every time, and its text
 * changes with the row count). On a Prisma client or transaction (seeds, tests) it is one call per row.
 */
export async function eachRow<T>(tx: DbOrTx | Runner, sql: string, rows: readonly (readonly unknown[])[]): Promise<(T | undefined)[]> {
  // duck-typed: Next bundles this module into several chunks, each with its own class objects
  if (typeof (tx as Partial<SqliteRunner>).eachSync === "function") return (tx as SqliteRunner).eachSync<T>(sql, rows);
  const out: (T | undefined)[] = [];
  for (const values of rows) out.push((await tx.$queryRawUnsafe<T[]>(sql, ...values))[0]);
  return out;
}

function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

class SqliteDriver extends SqliteRunner implements Driver {
  constructor(private adapter: SqliteAdapter) {
    super(new StatementCache(adapter.client));
  }

  async transaction<T>(fn: (tx: Runner) => Promise<T>): Promise<T> {
    const tx = await this.adapter.startTransaction(); // the adapter's mutex, then BEGIN (IMMEDIATE)
    const conn = this.adapter.client;
    try {
      const out = await fn(this);
      conn.prepare("COMMIT").run();
      await tx.commit();
      return out;
    } catch (err) {
      try {
        if (conn.inTransaction) conn.prepare("ROLLBACK").run();
      } finally {
        await tx.rollback();
      }
      throw err;
    }
  }

  async close(): Promise<void> {}
}

// ─── PostgreSQL ──────────────────────────────────────────────────────────────────────────────────

const TIMESTAMP_OID = 1114;
const utcTimestamp = (s: string) => new Date(s.replace(" ", "T") + "Z");
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Statement names for fixed texts (short texts only: multi-row statements vary with their size). */
const names = new Map<string, string>();
function nameOf(sql: string): string | undefined {
  if (sql.length > 2000) return undefined;
  let name = names.get(sql);
  if (!name) {
    if (names.size >= 2000) return undefined;
    name = `cdp_${names.size + 1}`;
    names.set(sql, name);
  }
  return name;
}

function pgValue(v: unknown): unknown {
  return typeof v === "bigint" ? v.toString() : v;
}

class PgRunner implements Runner {
  readonly provider = "postgresql" as const;
  constructor(protected client: pg.Pool | pg.PoolClient) {}

  async $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> {
    const res = await this.client.query({ text: sql, values: values.map(pgValue), name: nameOf(sql) });
    return res.rows as T;
  }

  async $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> {
    const res = await this.client.query({ text: sql, values: values.map(pgValue), name: nameOf(sql) });
    return res.rowCount ?? 0;
  }
}

class PgDriver extends PgRunner implements Driver {
  constructor(readonly pool: pg.Pool) {
    super(pool);
  }

  async transaction<T>(fn: (tx: Runner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const out = await fn(new PgRunner(client));
      await client.query("COMMIT");
      client.release();
      return out;
    } catch (err) {
      try {
        await client.query("ROLLBACK");
        client.release();
      } catch {
        client.release(true);
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A pool of node-pg connections with the app's settings (UTC timestamps). */
export function pgPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes });
  pool.on("error", () => undefined); // an idle connection dropped by the server: the pool replaces it
  return pool;
}

// ─── The process-wide driver ─────────────────────────────────────────────────────────────────────

const globalForDriver = globalThis as unknown as {
  __cdpDriver?: { url: string; db: unknown; driver: Promise<Driver> };
};

async function openDriver(url: string): Promise<Driver> {
  if (providerOf(url) === "postgresql") return new PgDriver(pgPool(url, Number(process.env.DB_FAST_POOL_SIZE ?? 4)));
  const adapter = (await sqliteAdapterOf(getDb())) as SqliteAdapter | undefined;
  if (!adapter) throw new Error("the SQLite driver needs the connection of lib/db/client.ts");
  return new SqliteDriver(adapter);
}

/**
 * The driver of the process's database (the one `db` of lib/db/client.ts uses; follows `setDb` in
 * tests). Cheap after the first call.
 */
export function driver(): Promise<Driver> {
  const url = databaseUrl();
  const db = getDb();
  const current = globalForDriver.__cdpDriver;
  if (current && current.url === url && current.db === db) return current.driver;
  if (current) void current.driver.then((d) => d.close()).catch(() => undefined);
  const opened = openDriver(url);
  globalForDriver.__cdpDriver = { url, db, driver: opened };
  opened.catch(() => {
    if (globalForDriver.__cdpDriver?.driver === opened) globalForDriver.__cdpDriver = undefined;
  });
  return opened;
}

export type { Provider };
