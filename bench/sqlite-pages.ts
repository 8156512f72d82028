// What SQLite writes for the parts of a batch: 1,000 random customers of the benchmark database,
// each kind of write alone in its own transaction (10 each), with checkpoints off; the WAL's growth
// is the number of pages the kind dirties. Run it on a copy, it writes:
//   cp data/bench.db /tmp/pages.db && npx tsx bench/sqlite-pages.ts /tmp/pages.db
import { statSync } from "node:fs";
import Database from "better-sqlite3";

const file = process.argv[2];
if (!file) throw new Error("usage: sqlite-pages.ts <copy of a benchmark database>");
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("wal_autocheckpoint = 0");
db.pragma("temp_store = MEMORY");
db.pragma("cache_size = -65536");
db.pragma("wal_checkpoint(TRUNCATE)");
const pageSize = db.pragma("page_size", { simple: true }) as number;
const walBytes = () => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};
const customers = (db.prepare(`SELECT max("id") AS n FROM "Customer"`).get() as { n: number }).n;
const type = db.prepare(`SELECT "id", "tenantId", "stageId" FROM "EventType" WHERE "eventKey" = 'page_view' LIMIT 1`).get() as {
  id: number;
  tenantId: number;
  stageId: number;
};
const maxEvent = (db.prepare(`SELECT max("id") AS n FROM "CustomerEvent"`).get() as { n: number }).n;
const at = () => new Date().toISOString().replace("Z", "+00:00");

const kinds: Record<string, (ids: number[]) => void> = {
  "event rows and their indexes": (ids) => {
    const st = db.prepare(
      `INSERT INTO "CustomerEvent" ("tenantId", "customerId", "eventTypeId", "eventKey", "eventName", "happenTime", "createdAt") VALUES (?, ?, ?, 'page_view', 'x', '2026-11-21T03:00:00.000+00:00', ?)`,
    );
    for (const id of ids) st.run(type.tenantId, id, type.id, at());
  },
  "attribute rows": (ids) => {
    const st = db.prepare(`INSERT INTO "CustomerEventAttribute" ("tenantId", "eventTypeId", "eventId", "attrKey", "type", "value") VALUES (?, ?, ?, 'url', 'text', '/b')`);
    let e = maxEvent - 5000;
    for (const _ of ids) st.run(type.tenantId, type.id, e++);
  },
  "customer rows alone (an unindexed column)": (ids) => {
    const st = db.prepare(`UPDATE "Customer" SET "followNum" = "followNum" + 1 WHERE "id" = ?`);
    for (const id of ids) st.run(id);
  },
  "customer rows + score index": (ids) => {
    const st = db.prepare(`UPDATE "Customer" SET "score" = "score" + 1 WHERE "id" = ?`);
    for (const id of ids) st.run(id);
  },
  "customer rows + updatedAt index": (ids) => {
    const st = db.prepare(`UPDATE "Customer" SET "updatedAt" = ? WHERE "id" = ?`);
    for (const id of ids) st.run(at(), id);
  },
  "stage set to the one it has (set once before, not counted)": (ids) => {
    const st = db.prepare(`UPDATE "Customer" SET "stageId" = ? WHERE "id" = ?`);
    for (const id of ids) st.run(type.stageId, id);
  },
  "score + updatedAt (what an event does)": (ids) => {
    const st = db.prepare(`UPDATE "Customer" SET "score" = "score" + 1, "updatedAt" = ? WHERE "id" = ?`);
    for (const id of ids) st.run(at(), id);
  },
};

for (const [kind, write] of Object.entries(kinds)) {
  let pages = 0;
  for (let r = 0; r < 10; r++) {
    const ids = Array.from({ length: 1000 }, () => 2 + Math.floor(Math.random() * (customers - 1))).sort((a, b) => a - b);
    if (kind.startsWith("stage set")) {
      db.exec("BEGIN IMMEDIATE");
      write(ids);
      db.exec("COMMIT");
    }
    const before = walBytes();
    db.exec("BEGIN IMMEDIATE");
    write(ids);
    db.exec("COMMIT");
    pages += (walBytes() - before) / (pageSize + 24);
    if (walBytes() > 512 * 1024 * 1024) db.pragma("wal_checkpoint(TRUNCATE)");
  }
  console.log(`${String(Math.round(pages / 10)).padStart(6)} pages  ${kind}`);
}
