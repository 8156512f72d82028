// The database's part of batchCreate on SQLite and nothing else (bench/README.md "What 30,000
// events/s would need"): 1,000 events with one attribute each on random customers of tenant 1, with
// or without the customer write a scoring event makes, one transaction a batch, statements prepared
// once on better-sqlite3 with the connection settings of lib/db/client.ts. No validation, no HTTP.
//   cp data/bench.db /tmp/floor.db && npx tsx bench/sqlite-floor.ts /tmp/floor.db [--customers] [--seconds 20]
import Database from "better-sqlite3";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { customers: { type: "boolean", default: false }, seconds: { type: "string", default: "20" } },
});
const db = new Database(positionals[0] ?? "/tmp/floor.db");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("temp_store = MEMORY");
db.pragma("wal_autocheckpoint = 100000");
db.pragma("cache_size = -65536");

const customers = (db.prepare(`SELECT COUNT(*) AS n FROM "Customer" WHERE "tenantId" = 1`).get() as { n: number }).n;
const type = db.prepare(`SELECT "id" FROM "EventType" WHERE "tenantId" = 1 AND "eventKey" = 'page_view'`).get() as { id: number };
const insertEvent = db.prepare(
  `INSERT INTO "CustomerEvent" ("tenantId", "customerId", "eventTypeId", "eventKey", "eventName", "happenTime", "recordedBy", "createdAt")
   VALUES (1, ?, ?, 'page_view', '浏览页面', ?, 'ak_floor', ?) RETURNING "id"`,
);
const insertAttribute = db.prepare(
  `INSERT INTO "CustomerEventAttribute" ("eventId", "tenantId", "eventTypeId", "attrKey", "type", "value") VALUES (?, 1, ?, 'url', 'text', '/batch')`,
);
const updateCustomer = db.prepare(`UPDATE "Customer" SET "score" = "score" + 1, "updatedAt" = ? WHERE "id" = ?`);

const batch = db.transaction((ids: number[], at: string) => {
  for (const customerId of ids) {
    const { id } = insertEvent.get(customerId, type.id, at, at) as { id: number };
    insertAttribute.run(id, type.id);
  }
  if (values.customers) for (const customerId of new Set(ids)) updateCustomer.run(at, customerId);
});

const until = Date.now() + Number(values.seconds) * 1000;
const cpu0 = process.cpuUsage();
let events = 0;
const t0 = Date.now();
while (Date.now() < until) {
  const ids = Array.from({ length: 1000 }, (_, i) => 2 + ((i * 7919 + Math.floor(Math.random() * 1e6)) % (customers - 1)));
  batch(ids, new Date().toISOString().replace("Z", "+00:00"));
  events += 1000;
}
const seconds = (Date.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    customerWrites: values.customers,
    eventsPerSecond: Math.round(events / seconds),
    cpuMsPer1000: Math.round(((cpu.user + cpu.system) / 1000 / events) * 1000),
  }),
);
db.close();
