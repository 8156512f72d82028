import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb, sqliteAdapterOf } from "@/lib/db/client";
import { sqlitePath } from "@/lib/db/config";

type Connection = { pragma: (sql: string, opts?: { simple: boolean }) => unknown };

/**
 * What an acknowledged write can rely on with SQLite: it is in the WAL (a crash of the process
 * keeps it) and it reaches the database file, synced, at the next checkpoint; checkpoints come at
 * least every 5 seconds, so a power loss takes at most the last few seconds of commits.
 */
describe.runIf((process.env.CDP_TEST_PROVIDER ?? "sqlite") === "sqlite")("SQLite durability", () => {
  afterEach(() => vi.useRealTimers());

  /** WAL frames written and WAL frames copied into the database (the -shm file's header, little-endian). */
  function walState(file: string) {
    const shm = readFileSync(`${file}-shm`);
    return { frames: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
  }

  it("runs WAL with synchronous NORMAL, and copies the WAL into the database within 5 seconds of a commit", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const url = process.env.DATABASE_URL!;
    const db = createDb(url);
    try {
      const conn = ((await sqliteAdapterOf(db)) as { client: Connection }).client;
      expect(conn.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(Number(conn.pragma("synchronous", { simple: true }))).toBe(1);
      expect(Number(conn.pragma("wal_autocheckpoint", { simple: true }))).toBe(100000);

      await db.tenant.create({ data: { slug: `durable-${Date.now()}`, name: "Durable" } });
      const written = walState(sqlitePath(url));
      expect(written.frames).toBeGreaterThan(written.copied);

      vi.advanceTimersByTime(5000);
      const after = walState(sqlitePath(url));
      expect(after.copied).toBe(after.frames);
    } finally {
      await db.$disconnect();
    }
  });
});
