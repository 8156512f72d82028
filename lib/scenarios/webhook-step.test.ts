import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fireCustomEventForSegments } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { JOB_STATUS } from "@/lib/jobs/constants";
import { createSegment } from "@/lib/segments/service";
import { RUN_STATUS, runJobKey, STEP_OUTCOME } from "./constants";
import { FANOUT_HANDLERS } from "./fanout";
import { automationWorld, membersOf, runsOf, type AutomationWorld } from "./test-world";
import { createAutomationWorker } from "./worker";

// Webhook steps many at a time: a worker holding dozens of them shares their statements (attempts
// counted together, outcomes committed together). Each run's webhook is still delivered once with
// its own Idempotency-Key, again only after a retry or a takeover, and a SIGTERM lets in-flight
// deliveries finish and commit, leaving the rest queued for the next worker.

const root = path.resolve(__dirname, "../..");

/** A receiver that records each delivery's Idempotency-Key and answers as `answer` says. */
function receiver(answer: (key: string, n: number) => Promise<{ status: number; headers?: Record<string, string> }>) {
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"]);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      void answer(key, n).then(({ status, headers }) => res.writeHead(status, headers).end("ok"));
    });
  });
  return {
    seen,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    listen: () => new Promise<void>((r) => server.listen(0, "127.0.0.1", r)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** `n` more customers, and a webhook scenario fired for every customer of the tenant (a fan-out). */
async function fired(w: AutomationWorld, n: number, steps: unknown[], now: Date) {
  const t = w.tenant.id;
  await db.customer.createMany({ data: Array.from({ length: n }, (_, i) => ({ tenantId: t, name: `收件人 ${i}`, email: `r${i}@example.com`, score: 1 })) });
  const s = await w.scenario(steps);
  const everyone = await createSegment(t, { name: `everyone-${s.id}`, rules: { all: [] } });
  await fireCustomEventForSegments(t, { customEventId: w.ce.id, segments: [everyone.id] }, now);
  return s;
}

const keyOf = (runId: bigint | number) => `${runId}:hook`;

beforeAll(() => {
  process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
});

describe("many webhook steps at once", () => {
  const flaky = new Set<string>();
  let takenOver = "";
  const sink = receiver(async (key, n) => {
    if (flaky.has(key) && n === 1) return { status: 503, headers: { "retry-after": "30" } };
    if (key === takenOver && n === 1) {
      // another worker takes this job over while its delivery is in flight
      await db.job.updateMany({ where: { liveKey: runJobKey(BigInt(key.split(":")[0])) }, data: { lockToken: "another worker" } });
    }
    return { status: 200 };
  });
  beforeAll(sink.listen);
  afterAll(sink.close);

  it("delivers each run's webhook once, again only after a retry (not before Retry-After) or a takeover; the neighbours of a refused commit keep theirs", { timeout: 60_000 }, async () => {
    const w = await automationWorld();
    const s = await fired(w, 150, [{ id: "hook", type: "webhook", url: sink.url(), maxAttempts: 3 }, { id: "join", type: "addToGroup", groupId: w.group.id }], w.clock.now());
    const worker = () => createAutomationWorker({ clock: w.clock, concurrency: 64, log: () => undefined });
    // the runs exist once the fan-out job ran; pick the refusals before their steps run
    await createAutomationWorker({ clock: w.clock, concurrency: 1, handlers: FANOUT_HANDLERS, log: () => undefined }).drain();
    const runs = await runsOf(s.id);
    expect(runs.length).toBeGreaterThan(150);
    runs.filter((_, i) => i % 10 === 3).forEach((r) => flaky.add(keyOf(r.id)));
    takenOver = keyOf(runs[7].id);

    await worker().drain();
    const steady = runs.filter((r) => !flaky.has(keyOf(r.id)) && keyOf(r.id) !== takenOver);
    expect([...sink.seen.values()].every((n) => n === 1)).toBe(true);
    expect(sink.seen.size).toBe(runs.length);
    const after1 = new Map((await runsOf(s.id)).map((r) => [r.id, r.status]));
    expect(steady.filter((r) => after1.get(r.id) !== RUN_STATUS.completed)).toEqual([]);
    expect(after1.get(runs[7].id)).not.toBe(RUN_STATUS.completed); // its commit was refused

    // a Retry-After of 30 s holds the retries back, whatever the backoff says
    w.clock.advance(29_000);
    await worker().drain();
    expect([...flaky].map((k) => sink.seen.get(k))).toEqual([...flaky].map(() => 1));

    w.clock.advance(2_000); // past Retry-After, and past the taken-over job's lease
    await worker().drain();
    for (const r of runs) expect(sink.seen.get(keyOf(r.id)), keyOf(r.id)).toBe(flaky.has(keyOf(r.id)) || keyOf(r.id) === takenOver ? 2 : 1);

    const final = await runsOf(s.id);
    expect(final.filter((r) => r.status !== RUN_STATUS.completed)).toEqual([]);
    const logs = await db.scenarioRunStep.findMany({ where: { runId: { in: runs.map((r) => r.id) }, stepId: "hook" }, select: { runId: true, attempts: true, outcome: true, detail: true } });
    expect(logs.filter((l) => l.outcome !== STEP_OUTCOME.done)).toEqual([]);
    for (const l of logs) expect(l.attempts, String(l.runId)).toBe(flaky.has(keyOf(l.runId)) || keyOf(l.runId) === takenOver ? 2 : 1);
    expect(logs[0].detail).toEqual({ status: 200 });
    const members = await membersOf(w.group.id);
    expect(members).toHaveLength(runs.length);
    expect(new Set(members.map((m) => m.customerId)).size).toBe(runs.length);
    const jobs = await db.job.findMany({ where: { tenantId: w.tenant.id, kind: "scenario.step" }, select: { status: true } });
    expect(jobs.filter((j) => j.status !== JOB_STATUS.done)).toEqual([]);
  });
});

describe("SIGTERM while deliveries are in flight", () => {
  let slow = true;
  const sink = receiver(() => new Promise((r) => setTimeout(() => r({ status: 200 }), slow ? 1000 : 0)));
  beforeAll(sink.listen);
  afterAll(sink.close);

  it("the worker process finishes and commits what it sent, leaves nothing claimed, and the next worker sends the rest once", { timeout: 120_000 }, async () => {
    const w = await automationWorld();
    const now = new Date(); // the worker process runs on the wall clock
    const s = await fired(w, 150, [{ id: "hook", type: "webhook", url: sink.url() }], now);
    await createAutomationWorker({ concurrency: 1, handlers: FANOUT_HANDLERS, log: () => undefined }).drain();
    const runs = await runsOf(s.id);

    const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/worker.ts"), "--no-migrate"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WORKER_CONCURRENCY: "32", CDP_WORKER_POLL_MS: "100" },
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d));
    child.stderr!.on("data", (d: Buffer) => (out += d));
    const exited = new Promise<number | null>((r) => child.once("exit", r));
    // once deliveries are in flight (the receiver holds each for a second), ask the worker to stop
    for (let i = 0; sink.seen.size < 10; i++) {
      if (i > 600) throw new Error(`no deliveries: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGTERM");
    expect(await exited, out).toBe(0);
    slow = false;

    const jobs = await db.job.findMany({ where: { tenantId: w.tenant.id, kind: "scenario.step" }, select: { status: true, payload: true } });
    expect(jobs.filter((j) => j.status === JOB_STATUS.running)).toEqual([]);
    const after = await runsOf(s.id);
    const sent = after.filter((r) => sink.seen.has(keyOf(r.id)));
    // everything sent was answered and committed before the process exited; the rest waits, untouched
    expect(sent.filter((r) => r.status !== RUN_STATUS.completed)).toEqual([]);
    const unsent = after.filter((r) => !sink.seen.has(keyOf(r.id)));
    expect(unsent.filter((r) => r.status !== RUN_STATUS.queued && r.status !== RUN_STATUS.running)).toEqual([]);
    // … with no attempt counted for them
    expect(await db.scenarioRunStep.count({ where: { runId: { in: unsent.map((r) => r.id) } } })).toBe(0);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(runs.length);

    await createAutomationWorker({ concurrency: 32, log: () => undefined }).drain();
    expect((await runsOf(s.id)).filter((r) => r.status !== RUN_STATUS.completed)).toEqual([]);
    expect(sink.seen.size).toBe(runs.length);
    expect([...sink.seen.values()].every((n) => n === 1)).toBe(true);
    const logs = await db.scenarioRunStep.findMany({ where: { runId: { in: runs.map((r) => r.id) } }, select: { attempts: true } });
    expect(logs.filter((l) => l.attempts !== 1)).toEqual([]);
  });
});
