// Fills a benchmark database: one tenant with `--customers` customers (each with a phone) and
// `--events` customer events, of which `--hot` belong to one "hot" customer. Rows are generated in
// the database itself (recursive CTE on SQLite, generate_series on PostgreSQL), in one transaction.
// Prints one JSON line: {tenant, hotCustomerId, appKey, secret, customers, events, seconds}.
import { parseArgs } from "node:util";
import { createApiKey } from "../lib/access/api-keys";
import { serverSecret } from "../lib/access/secret";
import { db } from "../lib/db/client";
import { databaseUrl, providerOf } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { createTenant } from "../lib/tenants/service";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    hot: { type: "string", default: "10000" },
    slug: { type: "string", default: `bench-${Date.now().toString(36)}` },
  },
});
const customers = Number(values.customers);
const events = Number(values.events);
const hot = Number(values.hot);

async function main() {
  serverSecret();
  await migrate();
  const started = Date.now();
  const pg = providerOf(databaseUrl()) === "postgresql";
  const tenant = await createTenant({ slug: values.slug!, name: "Benchmark" });
  const stage = await db.lifecycleStage.findFirstOrThrow({ where: { tenantId: tenant.id }, orderBy: { sort: "asc" } });
  const type = await db.eventType.create({
    data: {
      tenantId: tenant.id,
      eventKey: "page_view",
      name: "浏览页面",
      stageId: stage.id,
      rating: 1,
      attributes: { create: [{ attrKey: "url", attrName: "页面地址", type: "text", showInFlow: true, sort: 0 }] },
    },
  });
  const key = await createApiKey(tenant.id, { name: "bench", scopes: ["all"] });
  const t = tenant.id;
  const iso = (expr: string) => (pg ? expr : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${expr})`);
  const series = (n: number) =>
    pg ? `generate_series(1, ${n}) AS s(x)` : `(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${n}) SELECT x FROM c) AS s`;
  const base = (await db.customer.aggregate({ _max: { id: true } }))._max.id ?? 0;

  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "Customer" ("tenantId", "name", "score", "followNum", "createdAt", "updatedAt")
         SELECT ${t}, 'Customer ' || x, 0, 0, ${iso(pg ? `now() - (x || ' minutes')::interval` : `'now', '-' || x || ' minutes'`)}, ${iso(pg ? "now()" : "'now'")} FROM ${series(customers)}`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerPhone" ("tenantId", "customerId", "number", "createdAt")
         SELECT ${t}, ${base} + x, '1' || (3800000000 + x), ${iso(pg ? "now()" : "'now'")} FROM ${series(customers)}`,
      );
      // The hot customer is the first one; the others share the rest round-robin.
      const hotId = base + 1;
      const customerOf = `CASE WHEN x <= ${hot} THEN ${hotId} ELSE ${base} + 2 + (x % ${Math.max(1, customers - 1)}) END`;
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerEvent" ("tenantId", "customerId", "eventTypeId", "eventKey", "eventName", "happenTime", "source", "createdAt")
         SELECT ${t}, ${customerOf}, ${type.id}, 'page_view', '浏览页面', ${iso(pg ? `now() - (x || ' seconds')::interval` : `'now', '-' || x || ' seconds'`)}, 'bench', ${iso(pg ? "now()" : "'now'")} FROM ${series(events)}`,
      );
      const firstEvent = await tx.customerEvent.findFirstOrThrow({ where: { tenantId: t }, orderBy: { id: "asc" }, select: { id: true } });
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerEventAttribute" ("tenantId", "eventTypeId", "eventId", "attrKey", "type", "value")
         SELECT ${t}, ${type.id}, ${Number(firstEvent.id) - 1} + x, 'url', 'text', '/page/' || (x % 100) FROM ${series(events)}`,
      );
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // PostgreSQL: VACUUM too, as autovacuum would after a bulk load, so counts over an index can
  // skip the table (the visibility map); without it the first minutes after a load are slower.
  if (pg) await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  else await db.$executeRawUnsafe(`ANALYZE`);
  console.log(
    JSON.stringify({
      tenant: values.slug,
      tenantId: t,
      hotCustomerId: base + 1,
      appKey: key.appKey,
      secret: key.secret,
      customers,
      events,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
}

main()
  .then(() => db.$disconnect())
  .catch(async (err) => {
    console.error(err);
    await db.$disconnect();
    process.exit(1);
  });
