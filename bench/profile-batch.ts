// In-process timing of batchCreate's service call on a benchmark database (no HTTP):
//   DATABASE_URL=file:./data/bench.db npx tsx bench/profile-batch.ts [--runs 20] [--together 4] [--event-ids]
// with `node --cpu-prof --import tsx` for a profile (summarise it with bench/top-frames.ts).
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { recordEvents } from "../lib/customer-events/service";
import { parseBatchItem } from "../lib/openapi/events/customer-events";
import { currentProvider } from "../lib/db/sql";
import { databaseUrl } from "../lib/db/config";
import { batchBody, pgBackendsCpuMs } from "./harness";

// --together N: N batches submitted at once (as N concurrent requests would), so the group commit
// writes them in one transaction; times are still per batch of 1,000
// --event-ids: every event carries an eventId (an idempotency key), as integrations that retry send
const { values } = parseArgs({
  options: { runs: { type: "string", default: "20" }, together: { type: "string", default: "1" }, "event-ids": { type: "boolean", default: false } },
});
const root = path.resolve(__dirname, "..");

async function main() {
  const seed = JSON.parse(readFileSync(path.join(root, `bench/results/${currentProvider()}-seed.json`), "utf8"));
  const runs = Number(values.runs);
  let parse = 0;
  let record = 0;
  let cpu = 0;
  let dbCpu = 0;
  const pg = currentProvider() === "postgresql";
  const together = Number(values.together);
  const tag = Date.now().toString(36);
  let sent = 0;
  const batchOf = () => batchBody(seed.customers, values["event-ids"] ? () => `${tag}-${++sent}` : undefined);
  for (let r = 0; r < runs + 2; r++) {
    const bodies = Array.from({ length: together }, batchOf);
    const t0 = performance.now();
    const batches = bodies.map((b) => JSON.parse(b).events as unknown[]);
    const t1 = performance.now();
    const d1 = pg && r >= 2 ? await pgBackendsCpuMs(databaseUrl()) : 0;
    const c1 = process.cpuUsage();
    const outs = await Promise.all(
      batches.map((events) => recordEvents(seed.tenantId, events.map(parseBatchItem), { type: "apikey", id: 1 }, { timeZone: "Asia/Shanghai" })),
    );
    const c2 = process.cpuUsage(c1);
    const t2 = performance.now();
    const d2 = pg && r >= 2 ? await pgBackendsCpuMs(databaseUrl()) : 0;
    const failed = outs.flat().find((o) => !o.ok);
    if (failed) throw new Error(JSON.stringify(failed));
    if (r >= 2) {
      parse += (t1 - t0) / together;
      record += (t2 - t1) / together;
      cpu += (c2.user + c2.system) / 1000 / together;
      dbCpu += (d2 - d1) / together;
    }
  }
  // wall time and this process's CPU time (user + system) a batch: on a loaded machine the CPU time
  // is the steadier measure of the code's own cost; on PostgreSQL also the CPU time of the server
  // processes serving the database (its work is in them)
  const load = os.loadavg()[0].toFixed(1);
  console.log(JSON.stringify({ runs, together, eventIds: values["event-ids"], parseMs: +(parse / runs).toFixed(1), recordMs: +(record / runs).toFixed(1), recordCpuMs: +(cpu / runs).toFixed(1), ...(pg ? { postgresCpuMs: +(dbCpu / runs).toFixed(1) } : {}), load }));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
