import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDb, sqliteAdapterOf } from "@/lib/db/client";
import { sqlitePath } from "@/lib/db/config";
import { CHECKPOINT_EVERY_MS, checkpointNow } from "@/lib/db/sqlite-checkpointer";

type Connection = { pragma: (sql: string, opts?: { simple: boolean }) => unknown };

/**
 * What an acknowledged write can rely on with SQLite: it is in the WAL (a crash of the process
 * keeps it) and it reaches the database file, synced, at the next checkpoint; checkpoints come
 * every 5 seconds on a thread of their own, so a power loss takes at most the last few seconds.
 */
describe.runIf((process.env.CDP_TEST_PROVIDER ?? "sqlite") === "sqlite")("SQLite durability", () => {
  /** WAL frames written and WAL frames copied into the database (the -shm file's header, little-endian). */
  function walState(file: string) {
    const shm = readFileSync(`${file}-shm`);
    return { frames: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
  }

  it("runs WAL with synchronous NORMAL, and copies the WAL into the database within 5 seconds of a commit, off the event loop", async () => {
    const url = process.env.DATABASE_URL!;
    const file = sqlitePath(url);
    const db = createDb(url);
    try {
      const conn = ((await sqliteAdapterOf(db)) as { client: Connection }).client;
      expect(conn.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(Number(conn.pragma("synchronous", { simple: true }))).toBe(1);
      expect(Number(conn.pragma("wal_autocheckpoint", { simple: true }))).toBe(100000);

      const before = walState(file);
      await db.tenant.create({ data: { slug: `durable-${Date.now()}`, name: "Durable" } });
      const started = Date.now();
      expect(walState(file).frames).toBeGreaterThan(before.frames);

      // nothing here checkpoints: the checkpointer's thread does, on its own round
      while (walState(file).copied < walState(file).frames && Date.now() - started < 3 * CHECKPOINT_EVERY_MS) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const after = walState(file);
      expect(after.copied).toBe(after.frames);
      expect(Date.now() - started).toBeLessThanOrEqual(CHECKPOINT_EVERY_MS + 500);
    } finally {
      await db.$disconnect();
    }
  });

  it("stops the checkpointer when the last connection to the file closes", async () => {
    const url = process.env.DATABASE_URL!;
    const db = createDb(url);
    await sqliteAdapterOf(db);
    expect(await checkpointNow(sqlitePath(url))).toBe(true);
    await db.$disconnect();
    expect(await checkpointNow(sqlitePath(url))).toBe(false);
  });
});
