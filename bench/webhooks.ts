// Webhook delivery throughput (issue 10, section 6): an active scenario whose flow is one webhook
// step to a local sink answering 200 after 20 ms, N customers fired through a `withsegments`
// fan-out, drained by real worker processes (scripts/worker.ts, as `npm run worker` starts them).
//   npx tsx bench/webhooks.ts --db sqlite                    # data/bench-webhooks.db, one worker process
//   npx tsx bench/webhooks.ts --db postgresql --workers 2    # database cdp_wh_bench, two processes
//   --customers N (default 20000) · --delay MS (the sink's answer time, default 20)
//   --flaky K: the sink answers the first attempt of every K-th key 503 with Retry-After: 1 (retries)
//   --live: fire the fan-out while the workers run (default: expand it first, then start the workers)
//   --profile DIR: the worker processes write a CPU profile there (node --cpu-prof)
//   WORKER_CONCURRENCY: passed to the workers as set (default 128 per process)
// The sink runs in a child process (this file with --sink) and counts deliveries per Idempotency-Key.
// Measures deliveries/s from the sink's first to its last delivery, the step's latency (attempt
// counted → outcome committed, from the step log), and checks every run completed and each key was
// delivered once (a second delivery of a key is counted, and allowed only after a retry).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    customers: { type: "string", default: "20000" },
    workers: { type: "string", default: "1" },
    delay: { type: "string", default: "20" },
    flaky: { type: "string", default: "0" },
    live: { type: "boolean", default: false },
    profile: { type: "string" },
    timeout: { type: "string", default: "900" },
    sink: { type: "boolean", default: false },
  },
});
const root = path.resolve(__dirname, "..");

/** The sink: answers after `delay` ms; GET /stats says what it received. */
function sink() {
  const delay = Number(values.delay);
  const flaky = Number(values.flaky);
  const perKey = new Map<string, number>();
  let first = 0;
  let last = 0;
  let total = 0;
  let refused = 0;
  const server = createServer((req, res) => {
    if (req.method === "GET") {
      const dups = [...perKey.entries()].filter(([, n]) => n > 1);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ total, refused, keys: perKey.size, first, last, dups }));
      return;
    }
    req.resume();
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"]);
      const now = performance.timeOrigin + performance.now();
      const n = (perKey.get(key) ?? 0) + 1;
      const refuse = flaky > 0 && n === 1 && Number(key.split(":")[0]) % flaky === 0;
      if (refuse) refused++;
      else {
        total++;
        if (!first) first = now;
        last = now;
      }
      perKey.set(key, n);
      setTimeout(() => (refuse ? res.writeHead(503, { "retry-after": "1" }).end("busy") : res.writeHead(200).end("ok")), delay);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => console.log(`sink ${(server.address() as AddressInfo).port}`));
}

const isPg = values.db === "postgresql";
const CUSTOMERS = Number(values.customers);
const WORKERS = Number(values.workers);
const pgBase = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "cdp_wh_bench";

async function freshDatabase(): Promise<string> {
  if (isPg) {
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
    const u = new URL(pgBase);
    u.pathname = `/${DB_NAME}`;
    return u.toString();
  }
  const file = path.join(root, "data", "bench-webhooks.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  return `file:${file}`;
}

const children: ChildProcess[] = [];
function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, nodeFlags: string[] = []): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"], env });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) resolve({ child, match: m });
    });
    child.once("exit", (code) => reject(new Error(`${args[0]} exited (${code}): ${out}`)));
  });
}

const stop = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once("exit", r), c.kill("SIGTERM"))));
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const load = () => loadavg().map((x) => +x.toFixed(2));

async function main() {
  const loadBefore = load();
  process.env.DATABASE_URL = await freshDatabase();
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
  const { db } = await import("../lib/db/client");
  const { migrate } = await import("../lib/db/migrate");
  const { createTenant } = await import("../lib/tenants/service");
  const { createSegment } = await import("../lib/segments/service");
  const { createCustomEvent } = await import("../lib/custom-events/service");
  const { fireCustomEventForSegments } = await import("../lib/custom-events/trigger");
  const { saveScenario } = await import("../lib/scenarios/service");
  const { createAutomationWorker } = await import("../lib/scenarios/worker");
  const { JOB_KINDS } = await import("../lib/jobs/constants");
  const { FANOUT_HANDLERS } = await import("../lib/scenarios/fanout");

  const { child: sinkProcess, match } = await startChild([__filename, "--sink", "--delay", String(values.delay), "--flaky", String(values.flaky)], process.env, /sink (\d+)/);
  const sinkUrl = `http://127.0.0.1:${match[1]}`;

  await migrate();
  const tenant = await createTenant({ slug: `bench-wh-${Date.now().toString(36)}`, name: "Webhook benchmark" });
  const t = tenant.id;
  const series = isPg ? `generate_series(1, ${CUSTOMERS}) AS s(x)` : `(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${CUSTOMERS}) SELECT x FROM c) AS s`;
  const now = isPg ? "now()" : `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`;
  await db.$executeRawUnsafe(
    `INSERT INTO "Customer" ("tenantId", "name", "email", "score", "followNum", "createdAt", "updatedAt")
     SELECT ${t}, 'Customer ' || x, 'c' || x || '@example.com', x % 100, 0, ${now}, ${now} FROM ${series}`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  const ce = await createCustomEvent(t, { name: "Campaign", fields: [{ name: "Campaign", type: "String" }] });
  const scenario = await saveScenario(t, {
    name: "One webhook",
    status: "active",
    trigger: { customEvent: ce.id },
    reentry: "everyTime",
    steps: [{ id: "hook", type: "webhook", url: `${sinkUrl}/hook`, timeoutMs: 5000, maxAttempts: 5 }],
  });
  const everyone = await createSegment(t, { name: "everyone", rules: { all: [] } });

  const fire = () => fireCustomEventForSegments(t, { customEventId: ce.id, segments: [everyone.id], dataFields: [{ name: "Campaign", type: "String", value: "bench" }] });
  let expandS: number | null = null;
  if (!values.live) {
    // expand the fan-out here (the worker's own handler, in this process) so the workers only deliver
    const t0 = performance.now();
    await fire();
    await createAutomationWorker({ handlers: FANOUT_HANDLERS, log: () => undefined }).drain();
    expandS = +((performance.now() - t0) / 1000).toFixed(2);
  }

  const workers: ChildProcess[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, CDP_WORKER_POLL_MS: "200" };
  const flags = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  const started = performance.now(); // (the first process delivers while the next one starts)
  for (let i = 0; i < WORKERS; i++) workers.push((await startChild([path.join(root, "scripts/worker.ts"), "--no-migrate"], env, / concurrency /, flags)).child);
  if (values.live) await fire();

  const runs = await db.scenarioRun.count({ where: { scenarioId: scenario.id } }).then((n) => (values.live ? CUSTOMERS : n));
  let finished = 0;
  const deadline = Date.now() + Number(values.timeout) * 1000;
  const loads: number[] = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    loads.push(loadavg()[0]);
    finished = await db.scenarioRun.count({ where: { scenarioId: scenario.id, status: { in: ["completed", "failed"] } } });
    if (finished >= runs || Date.now() > deadline) break;
  }
  const allDoneS = (performance.now() - started) / 1000;
  await Promise.all(workers.map(stop));
  const stats = (await (await fetch(`${sinkUrl}/stats`)).json()) as { total: number; refused: number; keys: number; first: number; last: number; dups: [string, number][] };
  await stop(sinkProcess);

  const [byStatus, steps, jobs] = await Promise.all([
    db.scenarioRun.groupBy({ by: ["status"], where: { scenarioId: scenario.id }, _count: { _all: true } }),
    db.scenarioRunStep.findMany({ where: { run: { scenarioId: scenario.id } }, select: { runId: true, attempts: true, startedAt: true, finishedAt: true, outcome: true } }),
    db.job.groupBy({ by: ["status"], where: { tenantId: t, kind: JOB_KINDS.scenarioStep }, _count: { _all: true } }),
  ]);
  const retried = new Set(steps.filter((s) => s.attempts > 1).map((s) => String(s.runId)));
  const dupAfterRetry = stats.dups.filter(([k]) => retried.has(k.split(":")[0])).length;
  const once = steps.filter((s) => s.attempts === 1 && s.finishedAt);
  const latency = once.map((s) => s.finishedAt!.getTime() - s.startedAt.getTime()).sort((a, b) => a - b);
  const spanS = (stats.last - stats.first) / 1000;
  const perSecond = Math.round(stats.total / spanS);
  console.log(
    JSON.stringify({
      db: values.db,
      workers: WORKERS,
      concurrency: process.env.WORKER_CONCURRENCY ?? "default",
      customers: CUSTOMERS,
      sinkDelayMs: Number(values.delay),
      live: values.live,
      fanOutExpandedS: expandS,
      deliveries: stats.total,
      keys: stats.keys,
      refusedByFlakySink: stats.refused,
      deliveriesPerSecond: perSecond,
      firstToLastS: +spanS.toFixed(2),
      allDoneS: +allDoneS.toFixed(2),
      met: perSecond >= 500,
      stepLatencyMs: { p50: pct(latency, 50), p99: pct(latency, 99), max: latency.at(-1) },
      runs: Object.fromEntries(byStatus.map((b) => [b.status, b._count._all])),
      jobs: Object.fromEntries(jobs.map((b) => [b.status, b._count._all])),
      everyRunCompleted: byStatus.length === 1 && byStatus[0].status === "completed" && byStatus[0]._count._all === runs,
      keysDeliveredTwiceOrMore: stats.dups.length,
      ofWhichAfterARetry: dupAfterRetry,
      stepsRetried: retried.size,
      maxAttempts: Math.max(...steps.map((s) => s.attempts)),
      loadBefore,
      loadDuring: { min: Math.min(...loads), max: Math.max(...loads) },
      loadAfter: load(),
    }),
  );
  await db.$disconnect();
}

if (values.sink) sink();
else
  main().catch(async (err) => {
    console.error(err);
    await Promise.all(children.map(stop));
    process.exit(1);
  });
