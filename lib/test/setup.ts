import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, setDb, type Db } from "@/lib/db/client";
import { pgConfig } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    pgTemplate: string;
  }
}

/** Each test file runs against a database of its own, cloned from the migrated template. */
let db: Db | undefined;
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const provider = process.env.CDP_TEST_PROVIDER ?? "sqlite";
  const id = randomBytes(4).toString("hex");
  if (provider === "postgresql") {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `cdp_t${String(inject("pgTemplate")).replace("cdp_tpl_", "")}_${id}`;
    const admin = new pg.Client({ ...pgConfig(base), database: "postgres" });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("pgTemplate")}"`);
    await admin.end();
    const u = new URL(base);
    u.pathname = "/" + name;
    process.env.DATABASE_URL = u.toString();
    db = createDb(u.toString());
    cleanup = async () => {
      const a = new pg.Client({ ...pgConfig(base), database: "postgres" });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    const template = inject("sqliteTemplate");
    const file = path.join(path.dirname(template), `t-${id}.db`);
    copyFileSync(template, file);
    process.env.DATABASE_URL = `file:${file}`;
    db = createDb(process.env.DATABASE_URL);
    cleanup = async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    };
  }
  setDb(db);
});

afterAll(async () => {
  await db?.$disconnect();
  setDb(undefined);
  await cleanup?.();
});
