// Segment evaluation at scale (issue 9, section 5): one tenant with 100,000 customers and 1,000,000
// customer events, generated in the database itself (recursive CTE on SQLite, generate_series on
// PostgreSQL), then each segment query timed through lib/segments as the console runs it.
//   npx tsx bench/segments.ts --db sqlite        # data/bench-segments.db (made afresh)
//   npx tsx bench/segments.ts --db postgresql    # database cdp_bench_segments (dropped and made afresh)
//   add --runs 30 (default), --customers, --events, --explain (print the query plans)
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    customers: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "30" },
    explain: { type: "boolean", default: false },
  },
});
const CUSTOMERS = Number(values.customers);
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const pgBase = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function freshDatabase(): Promise<string> {
  if (values.db === "postgresql") {
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS cdp_bench_segments WITH (FORCE)`);
    await admin.end();
    const u = new URL(pgBase);
    u.pathname = "/cdp_bench_segments";
    return u.toString();
  }
  const file = path.join(process.cwd(), "data", "bench-segments.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  return `file:${file}`;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function main() {
  process.env.DATABASE_URL = await freshDatabase();
  process.env.AUTH_SECRET ??= "bench-secret";
  // imported after DATABASE_URL is set: the client is made on first use from it
  const { db } = await import("../lib/db/client");
  const { migrate } = await import("../lib/db/migrate");
  const { createTenant } = await import("../lib/tenants/service");
  const { createSegment, countSegment, segmentMembers, segmentMatches } = await import("../lib/segments/service");
  const { compileMembersSql } = await import("../lib/segments/query");
  const { parseRule } = await import("../lib/segments/validate");

  await migrate();
  const isPg = values.db === "postgresql";
  const seeded = Date.now();
  const tenant = await createTenant({ slug: `bench-seg-${Date.now().toString(36)}`, name: "Segment benchmark" });
  const t = tenant.id;
  const vip = await db.optionItem.create({ data: { tenantId: t, list: "custType", name: "BenchVIP", value: "bench-vip" } });
  const std = await db.optionItem.create({ data: { tenantId: t, list: "custType", name: "BenchStd", value: "bench-std" } });
  const orderPaid = await db.eventType.create({
    data: {
      tenantId: t,
      eventKey: "order_paid",
      name: "订单支付",
      attributes: { create: [{ attrKey: "amount", attrName: "金额", type: "value" }, { attrKey: "product", attrName: "商品", type: "text" }] },
    },
  });
  const pageView = await db.eventType.create({ data: { tenantId: t, eventKey: "page_view", name: "浏览页面" } });

  const iso = (expr: string) => (isPg ? expr : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${expr})`);
  const ago = (seconds: string) => iso(isPg ? `now() - ((${seconds}) || ' seconds')::interval` : `'now', '-' || (${seconds}) || ' seconds'`);
  const series = (n: number) =>
    isPg ? `generate_series(1::bigint, ${n}) AS s(x)` : `(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${n}) SELECT x FROM c) AS s`;
  const base = ((await db.customer.aggregate({ _max: { id: true } }))._max.id ?? 0) as number;
  await db.$transaction(
    async (tx) => {
      // a third VIP, a third standard, a third without a type; scores 0–100; created over 400 days
      await tx.$executeRawUnsafe(
        `INSERT INTO "Customer" ("tenantId", "name", "typeId", "score", "followNum", "createdAt", "updatedAt")
         SELECT ${t}, 'Customer ' || x, CASE x % 3 WHEN 0 THEN ${vip.id} WHEN 1 THEN ${std.id} ELSE NULL END, (x * 37) % 101, 0,
                ${ago(`(x * 7919) % 34560000`)}, ${ago(`(x * 104729) % 8640000`)} FROM ${series(CUSTOMERS)}`,
      );
      // 30 % order_paid (with amount and product), 70 % page_view, spread over a year, ~10 per customer
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerEvent" ("tenantId", "customerId", "eventTypeId", "eventKey", "eventName", "happenTime", "createdAt")
         SELECT ${t}, ${base} + 1 + ((x * 7919) % ${CUSTOMERS}),
                CASE WHEN x % 10 < 3 THEN ${orderPaid.id} ELSE ${pageView.id} END,
                CASE WHEN x % 10 < 3 THEN 'order_paid' ELSE 'page_view' END, 'e',
                ${ago(`(x * 104729) % 31536000`)}, ${iso(isPg ? "now()" : "'now'")} FROM ${series(EVENTS)}`,
      );
      const first = await tx.customerEvent.findFirstOrThrow({ where: { tenantId: t }, orderBy: { id: "asc" }, select: { id: true } });
      const eventId = `${Number(first.id) - 1} + x`;
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerEventAttribute" ("tenantId", "eventTypeId", "eventId", "attrKey", "type", "value", "numValue")
         SELECT ${t}, ${orderPaid.id}, ${eventId}, 'amount', 'value', CAST((x * 31) % 1000 AS TEXT), (x * 31) % 1000 FROM ${series(EVENTS)} WHERE x % 10 < 3`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerEventAttribute" ("tenantId", "eventTypeId", "eventId", "attrKey", "type", "value")
         SELECT ${t}, ${orderPaid.id}, ${eventId}, 'product', 'text', CASE x % 4 WHEN 0 THEN '茶叶' ELSE '咖啡' END FROM ${series(EVENTS)} WHERE x % 10 < 3`,
      );
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe("ANALYZE");
  console.log(JSON.stringify({ db: values.db, customers: CUSTOMERS, events: EVENTS, seededSeconds: Math.round((Date.now() - seeded) / 1000) }));

  const fieldsOnly = { all: [{ field: "custType", op: "eq", value: "BenchVIP" }, { field: "score", op: "gte", value: 50 }] };
  const behaviour = {
    all: [
      { event: "order_paid", count: { op: "gte", value: 2 }, withinDays: 90, where: [{ attr: "amount", op: "gt", value: 500 }] },
      { field: "custType", op: "eq", value: "BenchVIP" },
      { field: "score", op: "gte", value: 50 },
    ],
  };
  const didNot = { all: [{ not: { event: "order_paid", withinDays: 30 } }, { field: "custType", op: "eq", value: "BenchVIP" }] };
  const s1 = await createSegment(t, { name: "fields only", rules: fieldsOnly });
  const s2 = await createSegment(t, { name: "behaviour", rules: behaviour });
  const s3 = await createSegment(t, { name: "did not", rules: didNot });

  if (values.explain) {
    for (const s of [s1, s2, s3]) {
      const q = await compileMembersSql(t, parseRule(s.rules));
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`${isPg ? "EXPLAIN ANALYZE" : "EXPLAIN QUERY PLAN"} ${q.sql}`, ...q.parameters);
      console.log(`\n-- ${s.name}\n${q.sql}\n${rows.map((r) => (isPg ? Object.values(r)[0] : `${r.id} ${r.parent} ${r.detail}`)).join("\n")}`);
    }
  }

  async function time(name: string, target: number, fn: () => Promise<unknown>) {
    await fn(); // warm: prepared plans, page cache
    const ms: number[] = [];
    let result: unknown;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      result = await fn();
      ms.push(performance.now() - started);
    }
    const p95 = pct(ms, 95);
    const summary = typeof result === "number" ? result : (result as { items?: unknown[] }).items?.length ?? result;
    console.log(JSON.stringify({ name, runs: RUNS, p50: +pct(ms, 50).toFixed(1), p95: +p95.toFixed(1), target, met: p95 < target, result: summary }));
  }

  await time("count, field rules only", 300, () => countSegment(t, s1.id));
  await time("count, did order_paid ≥ 2 times in 90 days with amount > 500, AND two field rules", 1500, () => countSegment(t, s2.id));
  await time("first page of members (50), the behaviour segment", 500, () => segmentMembers(t, s2.id, { limit: 50 }));
  await time("first page of members (50), field rules only", 500, () => segmentMembers(t, s1.id, { limit: 50 }));
  await time("count, did not order_paid in 30 days AND a field rule", 1500, () => countSegment(t, s3.id));
  await time("does customer X match (behaviour segment, one customer; no target)", Infinity, () => segmentMatches(t, s2.id, base + 4242));
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
