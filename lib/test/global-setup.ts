import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, pgConfig } from "@/lib/db/migrate";

/**
 * Migrates one template database per provider before any test file runs; setup.ts clones it per
 * file (SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function globalSetup({ provide }: { provide: (key: string, value: string) => void }) {
  const dir = path.join(os.tmpdir(), `cdp-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  await migrate(`file:${template}`);
  provide("sqliteTemplate", template);

  let pgTemplate: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const base = process.env.TEST_DATABASE_URL;
    pgTemplate = `cdp_tpl_${process.pid}`;
    const admin = new pg.Client({ ...pgConfig(base), database: "postgres" });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${pgTemplate}"`);
    await admin.end();
    const u = new URL(base);
    u.pathname = "/" + pgTemplate;
    await migrate(u.toString());
    provide("pgTemplate", pgTemplate);
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgTemplate && process.env.TEST_DATABASE_URL) {
      const admin = new pg.Client({ ...pgConfig(process.env.TEST_DATABASE_URL), database: "postgres" });
      await admin.connect();
      // Drop the template and any per-file database a crashed worker left behind.
      const left = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`cdp_t${process.pid}_%`]);
      for (const row of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS "${pgTemplate}" WITH (FORCE)`);
      await admin.end();
    }
  };
}

