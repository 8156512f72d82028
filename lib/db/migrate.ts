import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, providerOf, sqlitePath, type Provider } from "./config";

/**
 * Applies the SQL migrations of prisma/migrations/<provider>/ to the configured database, each in
 * its own transaction, recording them in `_cdp_migrations`. The same files serve `npm start`, the
 * CLI, the tests and CI, on SQLite and PostgreSQL alike.
 */
export function migrationsDir(provider: Provider): string {
  return path.join(process.cwd(), "prisma", "migrations", provider);
}

export function listMigrations(provider: Provider): { name: string; sql: string }[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function migrate(url = databaseUrl()): Promise<string[]> {
  const provider = providerOf(url);
  return provider === "sqlite" ? migrateSqlite(url) : migratePostgres(url);
}

function migrateSqlite(url: string): string[] {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: 10_000 });
  try {
    conn.pragma("journal_mode = WAL");
    conn.exec(
      `CREATE TABLE IF NOT EXISTS "_cdp_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
    );
    const done = new Set(
      (conn.prepare(`SELECT "name" FROM "_cdp_migrations"`).all() as { name: string }[]).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const m of listMigrations("sqlite")) {
      if (done.has(m.name)) continue;
      conn.transaction(() => {
        conn.exec(m.sql);
        conn.prepare(`INSERT INTO "_cdp_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(m.name, new Date().toISOString());
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    conn.close();
  }
}

/** node-pg lets a connectionString override `database`, so connect with explicit fields. */
export function pgConfig(url: string, database?: string): pg.ClientConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: database ?? decodeURIComponent(u.pathname.replace(/^\//, "") || "postgres"),
  };
}

export async function ensurePostgresDatabase(url: string): Promise<void> {
  const cfg = pgConfig(url);
  const admin = new pg.Client({ ...cfg, database: "postgres" });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [cfg.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${String(cfg.database).replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  await ensurePostgresDatabase(url);
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    // One migrator at a time (several app processes may start together).
    await client.query("SELECT pg_advisory_lock(7410251)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_cdp_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`,
    );
    const done = new Set((await client.query(`SELECT "name" FROM "_cdp_migrations"`)).rows.map((r) => r.name as string));
    const applied: string[] = [];
    for (const m of listMigrations("postgresql")) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_cdp_migrations" ("name", "appliedAt") VALUES ($1, now())`, [m.name]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(7410251)").catch(() => undefined);
    await client.end();
  }
}

export function hasMigrations(provider: Provider): boolean {
  return existsSync(migrationsDir(provider));
}
