// In-process timing of the two latency reads on a benchmark database (no HTTP, no Next):
//   DATABASE_URL=file:./data/bench.db npx tsx bench/profile-reads.ts [--runs 200] [--page 500]
// queryByCustomerId's service call for the hot customer, and list_customers' action for a deep page
// beside the previous way of reading that page (one Prisma findMany with every relation, OFFSET over
// whole rows); prints p50/p95 and the CPU time per call of this process (the database's own CPU not
// included). With `node --cpu-prof --import tsx` for a profile (bench/top-frames.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_PAGE_SIZE } from "../lib/customer-events/schemas";
import { queryCustomerEvents } from "../lib/customer-events/service";
import { currentProvider } from "../lib/db/sql";
import { customerDetailSelect } from "../lib/customers/repository";
import { db } from "../lib/db/client";
import { LIST_CAP, LIST_PAGE_SIZE, listCustomersAction } from "../lib/openapi/customers/actions";
import { percentile } from "./harness";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "200" }, page: { type: "string", default: "500" }, only: { type: "string" } },
});
const root = path.resolve(__dirname, "..");

async function timed(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const cpu0 = process.cpuUsage();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  const cpuMsPerCall = r((cpu.user + cpu.system) / 1000 / runs);
  return { runs, p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), max: r(times.at(-1)!), cpuMsPerCall };
}

async function main() {
  const seed = JSON.parse(readFileSync(path.join(root, `bench/results/${currentProvider()}-seed.json`), "utf8"));
  const runs = Number(values.runs);
  const caller = { tenantId: seed.tenantId, tenantTimeZone: "Asia/Shanghai", apiKeyId: 1, apiKeyName: "bench" };
  const out: Record<string, unknown> = {};
  if (!values.only || values.only === "query") {
    out.queryByCustomerId = await timed(runs, () =>
      queryCustomerEvents(seed.tenantId, { customerId: seed.hotCustomerId, pageNum: 1, pageSize: DEFAULT_PAGE_SIZE }, { timeZone: "Asia/Shanghai" }),
    );
  }
  if (!values.only || values.only === "list") {
    out.listCustomers = await timed(runs, () => listCustomersAction(caller, { page: Number(values.page) }));
    const skip = (Number(values.page) - 1) * LIST_PAGE_SIZE;
    const where = { tenantId: seed.tenantId, deletedAt: null };
    out.listCustomersPreviousWay = await timed(runs, () =>
      Promise.all([
        db.customer.count({ where, take: LIST_CAP }),
        db.customer.findMany({ where, select: customerDetailSelect, orderBy: { id: "desc" }, skip, take: LIST_PAGE_SIZE }),
      ]),
    );
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
