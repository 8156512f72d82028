// The group service's scale targets (issue 8 §5), measured in-process on the calls the lists
// dialect's routes make (the framework's own ~25 ms per request comes on top; see README):
//   · listMembersBatch of 10,000 new members          target < 1 s
//   · memberCount with a date range, 1,000,000 members target < 50 ms
//   · listMembers with sinceId at the start vs deep    same latency
// A fresh database per run: SQLite data/bench-groups.db, or PostgreSQL cdp_bench_groups (BENCH_PG_URL's server).
//   npx tsx bench/groups.ts --db sqlite [--members 1000000]
//   npx tsx bench/groups.ts --db postgresql
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    members: { type: "string", default: "1000000" },
    runs: { type: "string", default: "50" },
  },
});
const members = Number(values.members);
const runs = Number(values.runs);
const BATCH = 10_000;

function quantile(xs: number[], q: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

async function series(n: number, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await timed(fn))[0]);
  return { p50: +quantile(ms, 0.5).toFixed(2), p95: +quantile(ms, 0.95).toFixed(2), max: +Math.max(...ms).toFixed(2) };
}

async function freshDatabase(): Promise<string> {
  if (values.db === "sqlite") {
    for (const s of ["", "-wal", "-shm"]) rmSync(`data/bench-groups.db${s}`, { force: true });
    return "file:./data/bench-groups.db";
  }
  const base = new URL(process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/cdp_bench");
  const admin = new pg.Client({ host: base.hostname, port: Number(base.port || 5432), user: base.username || "postgres", database: "postgres" });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS cdp_bench_groups WITH (FORCE)`);
  await admin.query(`CREATE DATABASE cdp_bench_groups`);
  await admin.end();
  base.pathname = "/cdp_bench_groups";
  return base.toString();
}

async function main() {
  process.env.DATABASE_URL = await freshDatabase();
  process.env.AUTH_SECRET ??= "bench-secret";
  const { migrate } = await import("../lib/db/migrate");
  const { db } = await import("../lib/db/client");
  const { createTenant } = await import("../lib/tenants/service");
  const groups = await import("../lib/groups/service");
  const isPg = values.db !== "sqlite";
  await migrate(process.env.DATABASE_URL);

  // ── seed: members + 10,000 customers, one group holding the first `members`, joined over ~1 year
  const seedStart = Date.now();
  const tenant = await createTenant({ slug: `bench-groups-${Date.now()}`, name: "Bench groups" });
  const big = await groups.createGroup(tenant.id, { name: "一百万" });
  const t = tenant.id;
  const iso = (expr: string) => (isPg ? expr : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${expr})`);
  const gen = (n: number) =>
    isPg ? `generate_series(1, ${n}) AS s(x)` : `(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${n}) SELECT x FROM c) AS s`;
  const base = (await db.customer.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const now = Date.now();
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "Customer" ("tenantId", "name", "score", "followNum", "createdAt", "updatedAt")
         SELECT ${t}, 'Customer ' || x, 0, 0, ${iso(isPg ? "now()" : "'now'")}, ${iso(isPg ? "now()" : "'now'")} FROM ${gen(members + BATCH)}`,
      );
      // member x joined 30·x seconds ago: 1,000,000 members span ~347 days
      await tx.$executeRawUnsafe(
        `INSERT INTO "GroupMember" ("tenantId", "groupId", "customerId", "joinedAt", "updatedAt")
         SELECT ${t}, ${big.id}, ${base} + x, ${iso(isPg ? `now() - (x * 30 || ' seconds')::interval` : `'now', '-' || (x * 30) || ' seconds'`)}, ${iso(isPg ? "now()" : "'now'")} FROM ${gen(members)}`,
      );
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe("ANALYZE");
  const seedSeconds = (Date.now() - seedStart) / 1000;

  // ── listMembersBatch: 10,000 new members into a fresh group (3 runs, each a new group)
  const batchIds = Array.from({ length: BATCH }, (_, i) => base + members + 1 + i);
  const batch: number[] = [];
  for (let r = 0; r < 3; r++) {
    const g = await groups.createGroup(tenant.id, { name: `batch ${r}` });
    const [ms, rows] = await timed(() => groups.addMemberships(tenant.id, batchIds.map((customerId) => ({ groupId: g.id, customerId }))));
    if (rows.length !== BATCH) throw new Error(`batch wrote ${rows.length}`);
    batch.push(+ms.toFixed(1));
  }
  const g0 = await db.group.findFirstOrThrow({ where: { tenantId: t, name: "batch 0" } });
  const [againMs] = await timed(() => groups.addMemberships(tenant.id, batchIds.map((customerId) => ({ groupId: g0.id, customerId }))));

  // ── memberCount over the big group
  const day = 86_400_000;
  const count = {
    all: await series(runs, () => groups.countMembers(tenant.id, big.id)),
    lastWeek: await series(runs, () => groups.countMembers(tenant.id, big.id, { from: new Date(now - 7 * day), to: new Date(now) })),
    half: await series(runs, () => groups.countMembers(tenant.id, big.id, { from: new Date(now - 180 * day), to: new Date(now) })),
    whole: await series(runs, () => groups.countMembers(tenant.id, big.id, { from: new Date(now - 400 * day), to: new Date(now + day) })),
  };

  // ── listMembers: sinceId at the start vs deep (99 % in), 20 and 1,000 rows
  const deepCustomer = base + Math.floor(members * 0.99);
  const page = (after: number | undefined, limit: number, sort: "customerId" | "id" = "customerId") =>
    groups.pageMembers(tenant.id, { groupId: big.id, sort, order: "asc", after: after === undefined ? undefined : { value: after }, limit });
  const firstMember = await db.groupMember.findFirstOrThrow({ where: { groupId: big.id }, orderBy: { id: "asc" }, select: { id: true } });
  const deepMember = Number(firstMember.id) + Math.floor(members * 0.99);
  const pages = {
    start20: await series(runs, () => page(base, 20)),
    deep20: await series(runs, () => page(deepCustomer, 20)),
    start1000: await series(Math.ceil(runs / 5), () => page(base, 1000)),
    deep1000: await series(Math.ceil(runs / 5), () => page(deepCustomer, 1000)),
    byIdStart20: await series(runs, () => page(Number(firstMember.id), 20, "id")),
    byIdDeep20: await series(runs, () => page(deepMember, 20, "id")),
    descDeep20: await series(runs, () => groups.pageMembers(tenant.id, { groupId: big.id, order: "desc", after: { value: base + 1000 }, limit: 20 })),
  };

  console.log(JSON.stringify({ db: values.db, members, seedSeconds, batchMs: batch, batchAgainMs: +againMs.toFixed(1), count, pages }, null, 2));
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
