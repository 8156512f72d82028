import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/generated/pg/client";
import { databaseUrl, providerOf, sqlitePath } from "./config";
import { CHECKPOINT_EVERY_MS, releaseCheckpointer, retainCheckpointer } from "./sqlite-checkpointer";

/**
 * The app is typed against the SQLite client; the PostgreSQL client is generated from the same
 * models (prisma/postgres/schema.prisma is derived, never edited), so its query API is the same.
 * Code must stay within the features both providers share.
 */
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type DbOrTx = Db | Tx;

export function createDb(url = databaseUrl()): Db {
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
    return new PgClient({ adapter }) as unknown as Db;
  }
  const factory = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 10_000 });
  const client = new SqliteClient({ adapter: tuned(factory, sqlitePath(url)) });
  sqliteFactories.set(client, factory);
  return client;
}

/**
 * Each SQLite client's adapter factory, and the adapter (one connection) it opened. Kept on
 * globalThis like the client itself: Next.js bundles this module into several server chunks, and a
 * client made by one chunk's copy must be found by another's (else the first driver statement of a
 * fresh server failed when its route's chunk was not the one that created the client).
 */
const globalForSqlite = globalThis as unknown as {
  __cdpSqliteFactories?: WeakMap<object, object>;
  __cdpSqliteAdapters?: WeakMap<object, unknown>;
};
const sqliteFactories = (globalForSqlite.__cdpSqliteFactories ??= new WeakMap<object, object>());
const sqliteAdapters = (globalForSqlite.__cdpSqliteAdapters ??= new WeakMap<object, unknown>());

/**
 * The connection Prisma's SQLite adapter opened for this client (connecting it if needed), for
 * lib/db/driver.ts: its statements run on the very same connection, in the adapter's order.
 */
export async function sqliteAdapterOf(client: Db): Promise<unknown> {
  const factory = sqliteFactories.get(client);
  if (!factory) return undefined;
  if (!sqliteAdapters.has(factory)) await client.$connect();
  if (!sqliteAdapters.has(factory)) await client.$queryRawUnsafe("SELECT 1");
  return sqliteAdapters.get(factory);
}

type SqliteConnection = {
  prepare: (sql: string) => unknown;
  pragma: (sql: string) => unknown;
  close: () => unknown;
  open: boolean;
  inTransaction: boolean;
};

/**
 * Adjustments to each SQLite connection the adapter opens.
 *
 * `BEGIN IMMEDIATE` for transactions: the adapter opens them with a deferred `BEGIN`. A transaction
 * that reads and then writes while another process (the CLI, a second server) has committed in
 * between cannot upgrade its read snapshot, and SQLite answers SQLITE_BUSY at once, without waiting
 * for the busy timeout (Prisma reports it as P1008 "Operation has timed out"). `BEGIN IMMEDIATE`
 * takes the write lock up front, where the busy timeout does apply. Within one process the adapter
 * already runs one transaction at a time, so nothing is lost.
 *
 * Durability: WAL (set by lib/db/migrate.ts) with `synchronous = NORMAL`, which is what
 * better-sqlite3's build gives a WAL connection (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1) and is set here
 * so that no other build changes it silently. A commit is in the WAL when it is acknowledged, so
 * it survives the process crashing; the WAL is synced to disk at each checkpoint, so a power loss
 * can take the commits since the last one (FULL would sync at every commit). A worker thread with
 * its own connection runs a PASSIVE checkpoint every CHECKPOINT_EVERY_MS, 5 s
 * (lib/db/sqlite-checkpointer.ts; run here, a checkpoint stopped every request while it copied), so
 * a power loss takes at most the last ~5 seconds of commits. `wal_autocheckpoint` stays as a
 * backstop should the worker fall behind (or not start: then this connection checkpoints on a
 * timer, between its transactions).
 *
 * The rest is the cost of large event batches, whose commits write thousands of pages touched at
 * random (customer rows and their score/updatedAt index entries, the per-customer event index):
 * - `temp_store = MEMORY`: SQLite keeps each statement's journal (the pages a statement changes
 *   that the transaction had already changed, to undo that statement alone) in memory only up to
 *   64 KiB, then in a temporary file; a batch wrote ~20 MB of such files, 10,000 write calls, besides its
 *   ~14 MB of WAL. Temporary tables and sorts live in memory too.
 * - `wal_autocheckpoint = 100000` pages (~400 MB of WAL): the commit that reaches it runs the
 *   checkpoint itself, on this connection; the worker's checkpoints keep the WAL far below it.
 *   `journal_size_limit` gives the space back once the WAL starts over.
 * - a 64 MiB page cache.
 * bench/README.md has the figures ("batchCreate (issue 11)").
 */
function tuned(factory: PrismaBetterSQLite3, file: string): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: SqliteConnection }).client;
    client.pragma("synchronous = NORMAL");
    client.pragma("temp_store = MEMORY");
    client.pragma("wal_autocheckpoint = 100000");
    client.pragma("journal_size_limit = 67108864");
    client.pragma("cache_size = -65536");
    if (retainCheckpointer(file)) {
      const close = client.close.bind(client);
      let released = false;
      client.close = () => {
        try {
          return close();
        } finally {
          if (!released) releaseCheckpointer(file);
          released = true;
        }
      };
    } else {
      // no worker thread here: checkpoints on this connection, between its transactions
      const checkpoints = setInterval(() => {
        if (!client.open) return clearInterval(checkpoints);
        if (client.inTransaction) return;
        try {
          client.pragma("wal_checkpoint(PASSIVE)");
        } catch {
          /* another connection's checkpoint or lock: the next round */
        }
      }, CHECKPOINT_EVERY_MS);
      checkpoints.unref();
    }
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    sqliteAdapters.set(factory, adapter);
    return adapter;
  };
  return factory;
}

const globalForDb = globalThis as unknown as { __cdpDb?: Db };

/** The process-wide client (kept on globalThis so Next.js hot reload does not open a new pool). */
export function getDb(): Db {
  if (!globalForDb.__cdpDb) globalForDb.__cdpDb = createDb();
  return globalForDb.__cdpDb;
}

/** Tests point the process at their own database. */
export function setDb(db: Db | undefined): void {
  globalForDb.__cdpDb = db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});
