// Scenario fan-out at scale (issue 10, section 6): `withsegments` over two segments totalling
// 100,000 customers into a three-step flow (addToGroup → setStage → setField; no waits, no webhook),
// drained by real worker processes (scripts/worker.ts, as `npm run worker` starts them).
//   npx tsx bench/scenarios.ts --db sqlite                    # data/bench-scenarios.db, one worker process
//   npx tsx bench/scenarios.ts --db postgresql --workers 2    # database cdp_bench_scenarios, two processes
//   add --customers N (default 100000), WORKER_CONCURRENCY (default 4 per process),
//   --url postgresql://…/NAME (the PostgreSQL database to drop and make anew; default BENCH_PG_URL's server, cdp_bench_scenarios),
//   --kill-every S: every S seconds kill one worker process (in turn) with SIGKILL and start it again
//   --profile DIR: the worker processes write CPU profiles there (summarise with bench/top-frames.ts)
// Measures: the trigger call (what POST …/withsegments runs after authentication: checks, one
// fan-out row and its job), the fan-out's expansion, and the time until every run completed; then
// counts the effects (runs, memberships, change records) to check nothing was lost or doubled.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    customers: { type: "string", default: "100000" },
    workers: { type: "string" },
    timeout: { type: "string", default: "900" },
    url: { type: "string" },
    "kill-every": { type: "string" },
    profile: { type: "string" },
  },
});
const KILL_EVERY_S = values["kill-every"] ? Number(values["kill-every"]) : null;
const CUSTOMERS = Number(values.customers);
const isPg = values.db === "postgresql";
const WORKERS = Number(values.workers ?? (isPg ? 2 : 1));
const pgBase = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(__dirname, "..");

async function freshDatabase(): Promise<string> {
  if (isPg) {
    const target = new URL(values.url ?? Object.assign(new URL(pgBase), { pathname: "/cdp_bench_scenarios" }).toString());
    const name = target.pathname.slice(1);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name for the benchmark: ${name}`);
    const admin = new pg.Client({ host: target.hostname, port: Number(target.port || 5432), user: decodeURIComponent(target.username) || "postgres", database: "postgres" });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    return target.toString();
  }
  const file = path.join(root, "data", "bench-scenarios.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  return `file:${file}`;
}

const sec = (ms: number) => +(ms / 1000).toFixed(2);

async function main() {
  process.env.DATABASE_URL = await freshDatabase();
  process.env.AUTH_SECRET ??= "bench-secret";
  const { db } = await import("../lib/db/client");
  const { migrate } = await import("../lib/db/migrate");
  const { createTenant } = await import("../lib/tenants/service");
  const { createSegment, countSegment } = await import("../lib/segments/service");
  const { createCustomEvent } = await import("../lib/custom-events/service");
  const { fireCustomEventForSegments } = await import("../lib/custom-events/trigger");
  const { saveScenario } = await import("../lib/scenarios/service");

  await migrate();
  const tenant = await createTenant({ slug: `bench-scn-${Date.now().toString(36)}`, name: "Scenario benchmark" });
  const t = tenant.id;
  const series = isPg ? `generate_series(1, ${CUSTOMERS}) AS s(x)` : `(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${CUSTOMERS}) SELECT x FROM c) AS s`;
  const now = isPg ? "now()" : `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`;
  await db.$executeRawUnsafe(
    `INSERT INTO "Customer" ("tenantId", "name", "score", "followNum", "createdAt", "updatedAt") SELECT ${t}, 'Customer ' || x, x % 100, 0, ${now}, ${now} FROM ${series}`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  const group = await db.group.create({ data: { tenantId: t, name: "Fan-out" } });
  const stage = await db.lifecycleStage.findFirstOrThrow({ where: { tenantId: t }, orderBy: { sort: "desc" } });
  const ce = await createCustomEvent(t, { name: "Campaign", fields: [{ name: "Campaign", type: "String" }] });
  const scenario = await saveScenario(t, {
    name: "Three steps",
    status: "active",
    trigger: { customEvent: ce.id },
    reentry: "everyTime",
    steps: [
      { id: "join", type: "addToGroup", groupId: group.id },
      { id: "stage", type: "setStage", stageId: stage.id },
      { id: "score", type: "setField", field: "score", value: 100 },
    ],
  });
  // two segments whose union is every customer
  const low = await createSegment(t, { name: "score < 50", rules: { field: "score", op: "lt", value: 50 } });
  const high = await createSegment(t, { name: "score ≥ 50", rules: { field: "score", op: "gte", value: 50 } });
  const total = (await countSegment(t, low.id)) + (await countSegment(t, high.id));

  const workers: ChildProcess[] = [];
  const stopWorkers = () => Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null || w.signalCode !== null ? r(null) : (w.once("exit", r), w.kill("SIGTERM"))))));
  const startWorker = async (i: number) => {
    const script = [path.join(root, "scripts/worker.ts"), "--no-migrate"];
    // node itself (not the tsx launcher, whose child would outlive a SIGKILL): the pid is the worker's
    const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
    const w = spawn(process.execPath, [...profile, "--import", "tsx", ...script], { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, CDP_WORKER_POLL_MS: "200" } });
    workers[i] = w;
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const ready = (d: Buffer) => {
        out += d.toString();
        if (out.includes(" concurrency ")) {
          w.stdout!.off("data", ready);
          w.stdout!.resume();
          w.off("exit", early);
          resolve();
        }
      };
      const early = (code: number | null) => reject(new Error(`worker exited (${code}): ${out}`));
      w.stdout!.on("data", ready);
      w.once("exit", early);
    });
  };
  for (let i = 0; i < WORKERS; i++) await startWorker(i);
  // kill -9 one worker process in turn every KILL_EVERY_S seconds, and start it again at once
  let kills = 0;
  let killing: NodeJS.Timeout | undefined;
  if (KILL_EVERY_S) {
    killing = setInterval(() => {
      const i = kills++ % WORKERS;
      const victim = workers[i];
      victim.once("exit", () => void startWorker(i).catch((e) => console.error("restart failed:", e)));
      victim.kill("SIGKILL");
    }, KILL_EVERY_S * 1000);
  }

  const started = performance.now();
  const { fanOutId } = await fireCustomEventForSegments(t, { customEventId: ce.id, segments: [low.id, high.id], dataFields: [{ name: "Campaign", type: "String", value: "bench" }] });
  const answered = performance.now() - started;

  let expanded: number | null = null;
  let completed = 0;
  const deadline = Date.now() + Number(values.timeout) * 1000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    if (expanded === null) {
      const fan = await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) }, select: { status: true } });
      if (fan.status !== "pending") expanded = performance.now() - started;
    }
    completed = await db.scenarioRun.count({ where: { scenarioId: scenario.id, status: "completed" } });
    if (completed >= total || Date.now() > deadline) break;
  }
  const done = performance.now() - started;
  clearInterval(killing);
  await new Promise((r) => setTimeout(r, 1000)); // a restart under way
  await stopWorkers();

  const doubled = async (sql: string) => Number(((await db.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM (${sql}) d`)) as { n: unknown }[])[0].n);
  const [runsDoubled, changesDoubled] = await Promise.all([
    doubled(`SELECT "customerId" FROM "ScenarioRun" WHERE "scenarioId" = ${scenario.id} GROUP BY "customerId" HAVING COUNT(*) > 1`),
    doubled(`SELECT "customerId", "field" FROM "Alternation" WHERE "tenantId" = ${t} GROUP BY "customerId", "field" HAVING COUNT(*) > 1`),
  ]);
  const [runs, failed, members, changes, maxAttempts] = await Promise.all([
    db.scenarioRun.count({ where: { scenarioId: scenario.id } }),
    db.scenarioRun.count({ where: { scenarioId: scenario.id, status: "failed" } }),
    db.groupMember.count({ where: { groupId: group.id } }),
    db.alternation.count({ where: { tenantId: t } }),
    db.scenarioRunStep.aggregate({ _max: { attempts: true } }),
  ]);
  const target = isPg ? 30 : 60;
  console.log(
    JSON.stringify({
      db: values.db,
      workers: WORKERS,
      chunk: Number(process.env.CDP_FANOUT_CHUNK ?? 1000),
      leaseMs: Number(process.env.WORKER_LEASE_MS ?? 30_000),
      concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
      customers: total,
      triggerMs: +answered.toFixed(1),
      triggerMet: answered < 1000,
      fanOutExpandedS: expanded === null ? null : sec(expanded),
      allDoneS: sec(done),
      runsPerSecond: Math.round(completed / (done / 1000)),
      targetS: target,
      met: completed === total && done / 1000 <= target,
      runs,
      completed,
      failed,
      memberships: members,
      changeRecords: changes,
      changeRecordsExpected: total * 2,
      maxStepAttempts: maxAttempts._max.attempts,
      customersWithTwoRuns: runsDoubled,
      fieldsChangedTwice: changesDoubled,
      killed: kills,
      exactlyOnce: runs === total && completed === total && members === total && changes === total * 2 && runsDoubled === 0 && changesDoubled === 0,
    }),
  );
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
