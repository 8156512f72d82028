import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fireCustomEvent } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { JOB_STATUS } from "@/lib/jobs/constants";
import { RUN_STATUS, STEP_OUTCOME } from "./constants";
import { automationWorld } from "./test-world";

// Two worker processes (scripts/worker.ts, as `npm run worker` starts them) on one PostgreSQL
// database, woken by LISTEN/NOTIFY and claiming with SKIP LOCKED: every run of a three-step flow
// completes and every effect happens exactly once — one membership, one change record per changed
// field, one step log row with one attempt per step. SQLite runs one worker process by design.

const root = path.resolve(__dirname, "../..");
const RUNS = 300;

function startWorker(): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; output: () => string } {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/worker.ts"), "--no-migrate"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WORKER_CONCURRENCY: "4" },
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes(" on postgresql")) resolve();
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready: ${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, ready, exited, output: () => out };
}

describe.runIf(process.env.CDP_TEST_PROVIDER === "postgresql")("two worker processes on PostgreSQL", () => {
  it(`${RUNS} runs of addToGroup → setStage → setField: each step runs once, in one of the two processes`, { timeout: 180_000 }, async () => {
    const w = await automationWorld();
    const t = w.tenant.id;
    await db.customer.createMany({ data: Array.from({ length: RUNS }, (_, i) => ({ tenantId: t, name: `多进程 ${i}`, score: 1 })) });
    const customers = await db.customer.findMany({ where: { tenantId: t, name: { startsWith: "多进程 " } }, select: { id: true }, orderBy: { id: "asc" } });
    expect(customers).toHaveLength(RUNS);
    const s = await w.scenario([
      { id: "join", type: "addToGroup", groupId: w.group.id },
      { id: "stage", type: "setStage", stageId: w.stages.paid.id },
      { id: "score", type: "setField", field: "score", value: 77 },
    ]);

    const workers = [startWorker(), startWorker()];
    try {
      await Promise.all(workers.map((x) => x.ready));
      // fired while both listen; the wall clock, since the worker processes run on it
      for (let i = 0; i < customers.length; i += 20) {
        await Promise.all(customers.slice(i, i + 20).map((c) => fireCustomEvent(t, { customEventId: w.ce.id, customerId: c.id }, new Date())));
      }
      const deadline = Date.now() + 150_000;
      for (;;) {
        const open = await db.scenarioRun.count({ where: { scenarioId: s.id, status: { notIn: [RUN_STATUS.completed, RUN_STATUS.failed] } } });
        if (open === 0) break;
        if (Date.now() > deadline) throw new Error(`${open} runs still open; ${workers.map((x) => x.output()).join("\n")}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      for (const x of workers) x.child.kill("SIGTERM");
      expect(await Promise.all(workers.map((x) => x.exited))).toEqual([0, 0]);
    }

    const runs = await db.scenarioRun.findMany({ where: { scenarioId: s.id }, select: { id: true, customerId: true, status: true } });
    expect(runs).toHaveLength(RUNS);
    expect(runs.filter((r) => r.status !== RUN_STATUS.completed)).toEqual([]);
    expect(new Set(runs.map((r) => r.customerId)).size).toBe(RUNS);

    // the step log: three rows per run, each done after exactly one attempt
    const steps = await db.scenarioRunStep.findMany({ where: { runId: { in: runs.map((r) => r.id) } }, select: { runId: true, stepId: true, outcome: true, attempts: true } });
    expect(steps).toHaveLength(RUNS * 3);
    expect(steps.filter((x) => x.outcome !== STEP_OUTCOME.done || x.attempts !== 1)).toEqual([]);

    // the effects: one membership per customer, one change record per field changed
    const ids = customers.map((c) => c.id);
    const members = await db.groupMember.findMany({ where: { groupId: w.group.id, customerId: { in: ids } }, select: { customerId: true } });
    expect(members).toHaveLength(RUNS);
    expect(new Set(members.map((m) => m.customerId)).size).toBe(RUNS);
    const changes = await db.alternation.groupBy({ by: ["customerId", "field"], where: { tenantId: t, customerId: { in: ids } }, _count: { _all: true } });
    const perField = new Map<string, number>();
    for (const c of changes) {
      expect(c._count._all, `customer ${c.customerId} ${c.field}`).toBe(1);
      perField.set(c.field, (perField.get(c.field) ?? 0) + 1);
    }
    expect([...perField.values()]).toEqual(expect.arrayContaining([RUNS]));
    expect(perField.size).toBeGreaterThanOrEqual(2); // stage and score
    for (const n of perField.values()) expect(n).toBe(RUNS);
    const after = await db.customer.findMany({ where: { id: { in: ids } }, select: { score: true, stageId: true } });
    expect(after.every((c) => c.score === 77 && c.stageId === w.stages.paid.id)).toBe(true);

    // each job ended once, and both processes took part
    const jobs = await db.job.findMany({ where: { tenantId: t }, select: { status: true, lockedBy: true, takeovers: true } });
    expect(jobs.filter((j) => j.status !== JOB_STATUS.done)).toEqual([]);
    expect(jobs.filter((j) => j.takeovers > 0)).toEqual([]);
    expect(new Set(jobs.map((j) => j.lockedBy)).size).toBe(2);
  });
});
