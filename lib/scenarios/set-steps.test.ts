import pg from "pg";
import { describe, expect, it } from "vitest";
import { fireCustomEvent, fireCustomEventForSegments } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/db/config";
import { MINUTE } from "@/lib/jobs/clock";
import { JOB_KINDS, JOB_STATUS } from "@/lib/jobs/constants";
import { RUN_STATUS, STEP_OUTCOME } from "./constants";
import { startRunsForTrigger } from "./runs";
import { automationWorld, membersOf, runsOf, type AutomationWorld } from "./test-world";

// A fan-out chunk applies a flow's leading internal steps to all its runs at once (set statements);
// a run's own step job applies them to that one run. Both must leave the very same rows behind:
// memberships, customer values, change records, step logs and run states.

type Lane = "a" | "b";

/** Customers in two identical lanes: lane a is run one by one (per-run jobs), lane b by a fan-out. */
async function twinCustomers(w: AutomationWorld, specs: { score: number; address?: string | null }[]) {
  const t = w.tenant.id;
  const make = (lane: Lane) =>
    Promise.all(specs.map(async (s, i) => (await db.customer.create({ data: { tenantId: t, name: `lane-${lane}-${i}`, score: s.score, address: s.address ?? null } })).id));
  return { a: await make("a"), b: await make("b") };
}

/** Everything a run left behind for one customer, with ids and the lane taken out. */
async function footprint(w: AutomationWorld, customerId: number, groups: number[]) {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { score: true, stageId: true, typeId: true, address: true, updatedByNo: true } });
  const memberOf = [];
  for (const g of groups) if (await db.groupMember.count({ where: { groupId: g, customerId } })) memberOf.push(g);
  const changes = await db.alternation.findMany({
    where: { customerId },
    orderBy: { id: "asc" },
    select: { field: true, oldValue: true, newValue: true, summary: true, authorNo: true, authorName: true, createdAt: true },
  });
  const runs = await db.scenarioRun.findMany({
    where: { customerId },
    orderBy: { id: "asc" },
    select: { status: true, stepId: true, error: true, finishedAt: true, activeKey: true, steps: { orderBy: { stepId: "asc" }, select: { stepId: true, type: true, outcome: true, attempts: true, detail: true, error: true, startedAt: true, finishedAt: true } } },
  });
  const jobs = await db.job.findMany({ where: { tenantId: w.tenant.id, liveKey: { not: null }, key: { in: (await db.scenarioRun.findMany({ where: { customerId }, select: { id: true } })).map((r) => `run:${r.id}`) } }, select: { status: true, runAt: true } });
  const own = (error: string | null) => error?.replace(`customer ${customerId} `, "customer <id> ") ?? null;
  return {
    customer,
    memberOf,
    changes,
    runs: runs.map((r) => ({ ...r, error: own(r.error), steps: r.steps.map((s) => ({ ...s, error: own(s.error), detail: typeof s.detail === "string" ? JSON.parse(s.detail) : s.detail })) })),
    jobs,
  };
}

async function runBothLanes(w: AutomationWorld, lanes: { a: number[]; b: number[] }) {
  for (const id of lanes.a) await fireCustomEvent(w.tenant.id, { customEventId: w.ce.id, customerId: id }, w.clock.now());
  const segment = await db.segment.create({ data: { tenantId: w.tenant.id, name: "lane b", rules: { field: "custname", op: "startsWith", value: "lane-b-" } } });
  await fireCustomEventForSegments(w.tenant.id, { customEventId: w.ce.id, segments: [segment.id] }, w.clock.now());
  await w.worker().drain();
}

describe("internal steps applied to a set of runs", () => {
  it("every internal step type leaves the same rows as the per-run path; a branch splits the set", async () => {
    const w = await automationWorld();
    const t = w.tenant.id;
    const leave = await db.group.create({ data: { tenantId: t, name: "leave" } });
    const vip = await db.optionItem.findFirstOrThrow({ where: { tenantId: t, list: "custType" }, orderBy: { id: "asc" } });
    const s = await w.scenario([
      { id: "join", type: "addToGroup", groupId: w.group.id },
      { id: "leave", type: "removeFromGroup", groupId: leave.id },
      { id: "pause", type: "wait", minutes: 0 },
      {
        id: "check",
        type: "branch",
        if: { field: "score", op: "gte", value: 50 },
        then: [
          { id: "vip", type: "setField", field: "custType", value: vip.name },
          { id: "stage", type: "setStage", stageId: w.stages.paid.id },
        ],
        else: [
          { id: "addr", type: "setField", field: "address", value: "low" },
          { id: "out", type: "exit" },
        ],
      },
      { id: "score", type: "setField", field: "score", value: 100 },
    ]);
    // high score, no address · low score · already in the group, score already 100 · low score, address already "low"
    const lanes = await twinCustomers(w, [{ score: 80 }, { score: 10, address: "x" }, { score: 100 }, { score: 20, address: "low" }]);
    for (const lane of [lanes.a, lanes.b]) {
      await db.groupMember.create({ data: { tenantId: t, groupId: w.group.id, customerId: lane[2] } });
      await db.groupMember.create({ data: { tenantId: t, groupId: leave.id, customerId: lane[0] } });
    }
    await runBothLanes(w, lanes);

    const now = w.clock.now();
    const a = await Promise.all(lanes.a.map((id) => footprint(w, id, [w.group.id, leave.id])));
    const b = await Promise.all(lanes.b.map((id) => footprint(w, id, [w.group.id, leave.id])));
    expect(b).toEqual(a);

    // and what the per-run path writes, spelled out
    const author = `场景: ${s.name}`;
    const done = (stepId: string, type: string, detail: unknown) => ({ stepId, type, outcome: STEP_OUTCOME.done, attempts: 1, detail, error: null, startedAt: now, finishedAt: now });
    expect(a[0]).toEqual({
      customer: { score: 100, stageId: w.stages.paid.id, typeId: vip.id, address: null, updatedByNo: null },
      memberOf: [w.group.id],
      changes: [
        { field: "type", oldValue: null, newValue: vip.name, summary: `客户类型: <空>---->${vip.name}`, authorNo: null, authorName: author, createdAt: now },
        { field: "stage", oldValue: null, newValue: w.stages.paid.name, summary: `生命周期阶段: <空>---->${w.stages.paid.name}`, authorNo: null, authorName: author, createdAt: now },
        { field: "score", oldValue: "80", newValue: "100", summary: "客户评分: 80---->100", authorNo: null, authorName: author, createdAt: now },
      ],
      runs: [
        {
          status: RUN_STATUS.completed,
          stepId: null,
          error: null,
          finishedAt: now,
          activeKey: null,
          steps: [
            done("check", "branch", { branch: "then" }),
            done("join", "addToGroup", { added: true }),
            done("leave", "removeFromGroup", { removed: true }),
            done("pause", "wait", null),
            done("score", "setField", { changed: ["score"] }),
            done("stage", "setStage", { changed: ["stage"] }),
            done("vip", "setField", { changed: ["type"] }),
          ],
        },
      ],
      jobs: [],
    });
    expect(a[1].runs[0].steps.map((x) => [x.stepId, x.detail])).toEqual([
      ["addr", { changed: ["address"] }],
      ["check", { branch: "else" }],
      ["join", { added: true }],
      ["leave", { removed: false }],
      ["out", null],
      ["pause", null],
    ]);
    expect(a[1].changes.map((c) => c.summary)).toEqual(["联系地址: x---->low"]);
    expect(a[2].runs[0].steps.find((x) => x.stepId === "join")!.detail).toEqual({ added: false });
    expect(a[2].runs[0].steps.find((x) => x.stepId === "score")!.detail).toEqual({ changed: [] });
    expect(a[3].runs[0].steps.find((x) => x.stepId === "addr")!.detail).toEqual({ changed: [] });
    expect(a[3].changes).toEqual([]);
    expect((await membersOf(leave.id)).length).toBe(0);
  });

  it("a customer deleted meanwhile fails alone, with the per-run path's reason", async () => {
    const w = await automationWorld();
    const s = await w.scenario([
      { id: "join", type: "addToGroup", groupId: w.group.id },
      { id: "stage", type: "setStage", stageId: w.stages.paid.id },
    ]);
    const lanes = await twinCustomers(w, [{ score: 1 }, { score: 2 }, { score: 3 }]);
    // fired while alive, deleted (without cancelling its runs) before the steps run
    for (const id of lanes.a) await fireCustomEvent(w.tenant.id, { customEventId: w.ce.id, customerId: id }, w.clock.now());
    await db.customer.update({ where: { id: lanes.a[1] }, data: { deletedAt: new Date() } });
    await w.worker().drain();
    // a chunk whose customer was deleted (without cancelling anything) after the segment was walked
    await db.customer.update({ where: { id: lanes.b[1] }, data: { deletedAt: new Date() } });
    const ce = await db.customEvent.findFirstOrThrow({ where: { tenantId: w.tenant.id, number: w.ce.id } });
    const triggers = lanes.b.map((id) => ({ kind: "custom" as const, tenantId: w.tenant.id, customerId: id, customEventId: ce.id, customEventNumber: w.ce.id, dataFields: [], at: w.clock.now(), key: `t:${id}` }));
    expect(await db.$transaction((tx) => startRunsForTrigger(tx, triggers, w.clock.now(), { inline: {} }))).toBe(3);
    const a = await Promise.all(lanes.a.map((id) => footprint(w, id, [w.group.id])));
    const b = await Promise.all(lanes.b.map((id) => footprint(w, id, [w.group.id])));
    expect(b).toEqual(a);
    expect(a.map((f) => f.runs[0].status)).toEqual([RUN_STATUS.completed, RUN_STATUS.failed, RUN_STATUS.completed]);
    expect(a[1].runs[0]).toMatchObject({ stepId: "join", error: "customer_not_found: customer <id> no longer exists" });
    expect((await db.scenarioRun.findFirstOrThrow({ where: { customerId: lanes.b[1] } })).error).toBe(`customer_not_found: customer ${lanes.b[1]} no longer exists`);
    expect(a[1].runs[0].steps).toEqual([expect.objectContaining({ stepId: "join", outcome: STEP_OUTCOME.failed, error: a[1].runs[0].error })]);
    expect((await runsOf(s.id)).length).toBe(6);
  });

  it("a group gone fails every run at that step", async () => {
    const w = await automationWorld();
    const gone = await db.group.create({ data: { tenantId: w.tenant.id, name: "soon gone" } });
    await w.scenario([
      { id: "stage", type: "setStage", stageId: w.stages.paid.id },
      { id: "join", type: "addToGroup", groupId: gone.id },
    ]);
    await db.group.delete({ where: { id: gone.id } });
    const lanes = await twinCustomers(w, [{ score: 1 }, { score: 2 }]);
    await runBothLanes(w, lanes);
    const a = await Promise.all(lanes.a.map((id) => footprint(w, id, [])));
    const b = await Promise.all(lanes.b.map((id) => footprint(w, id, [])));
    expect(b).toEqual(a);
    for (const f of a) {
      expect(f.runs[0]).toMatchObject({ status: RUN_STATUS.failed, stepId: "join", error: `group_not_found: group ${gone.id} no longer exists` });
      // the step before it stays done: its effect committed with the failure
      expect(f.changes.map((c) => c.field)).toEqual(["stage"]);
    }
  });

  it("consecutive customer changes keep one record per step, and a stage gone stops the run there", async () => {
    const w = await automationWorld();
    const gone = await db.lifecycleStage.create({ data: { tenantId: w.tenant.id, name: "soon gone", sort: 50 } });
    const s = await w.scenario([
      { id: "s1", type: "setField", field: "score", value: 5 },
      { id: "s2", type: "setField", field: "score", value: 7 },
      { id: "st", type: "setStage", stageId: gone.id },
      { id: "addr", type: "setField", field: "address", value: "never" },
    ]);
    await db.lifecycleStage.delete({ where: { id: gone.id } });
    const lanes = await twinCustomers(w, [{ score: 1 }, { score: 5 }]);
    await runBothLanes(w, lanes);
    const a = await Promise.all(lanes.a.map((id) => footprint(w, id, [])));
    const b = await Promise.all(lanes.b.map((id) => footprint(w, id, [])));
    expect(b).toEqual(a);
    const author = `场景: ${s.name}`;
    expect(a[0].changes.map((c) => [c.summary, c.authorName])).toEqual([
      ["客户评分: 1---->5", author],
      ["客户评分: 5---->7", author],
    ]);
    expect(a[1].changes.map((c) => c.summary)).toEqual(["客户评分: 5---->7"]);
    expect(a[0].customer).toMatchObject({ score: 7, stageId: null, address: null });
    expect(a[0].runs[0]).toMatchObject({ status: RUN_STATUS.failed, stepId: "st", error: `stage_unknown: no stage ${gone.id}` });
    expect(a[0].runs[0].steps.map((x) => [x.stepId, x.outcome, x.detail])).toEqual([
      ["s1", STEP_OUTCOME.done, { changed: ["score"] }],
      ["s2", STEP_OUTCOME.done, { changed: ["score"] }],
      ["st", STEP_OUTCOME.failed, null],
    ]);
    expect(a[1].runs[0].steps.map((x) => x.detail)).toEqual([{ changed: [] }, { changed: ["score"] }, null]);
  });

  it("re-entry holds in a chunk: a customer refused by the policy gets no run and no effect", async () => {
    const w = await automationWorld();
    const once = await w.scenario([{ id: "join", type: "addToGroup", groupId: w.group.id }, { id: "score", type: "setField", field: "score", value: 9 }], { reentry: "once" });
    const other = await db.group.create({ data: { tenantId: w.tenant.id, name: "one at a time" } });
    const single = await w.scenario([{ id: "hold", type: "wait", hours: 1 }, { id: "join", type: "addToGroup", groupId: other.id }], { reentry: "oneAtATime" });
    const lanes = await twinCustomers(w, [{ score: 1 }, { score: 2 }]);
    // the first lane-b customer already went through "once", and waits in "oneAtATime"
    await fireCustomEvent(w.tenant.id, { customEventId: w.ce.id, customerId: lanes.b[0] }, w.clock.now());
    await w.worker().drain();
    await db.groupMember.deleteMany({ where: { groupId: w.group.id } });
    await db.customer.update({ where: { id: lanes.b[0] }, data: { score: 1 } });
    const segment = await db.segment.create({ data: { tenantId: w.tenant.id, name: "lane b", rules: { field: "custname", op: "startsWith", value: "lane-b-" } } });
    const { fanOutId } = await fireCustomEventForSegments(w.tenant.id, { customEventId: w.ce.id, segments: [segment.id] }, w.clock.now());
    await w.worker().drain();
    expect(await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } })).toMatchObject({ status: "done", customers: 2, runs: 2 });
    expect((await runsOf(once.id)).map((r) => [r.customerId, r.status])).toEqual([[lanes.b[0], RUN_STATUS.completed], [lanes.b[1], RUN_STATUS.completed]]);
    expect((await runsOf(single.id)).map((r) => [r.customerId, r.status])).toEqual([[lanes.b[0], RUN_STATUS.waiting], [lanes.b[1], RUN_STATUS.waiting]]);
    expect(await membersOf(w.group.id)).toEqual([{ customerId: lanes.b[1] }]);
    const scores = await Promise.all(lanes.b.map(async (id) => (await db.customer.findUniqueOrThrow({ where: { id } })).score));
    expect(scores).toEqual([1, 9]);
  });

  // PostgreSQL only: on SQLite the one writer's lock keeps any other start out of a chunk's transaction
  it.runIf(process.env.CDP_TEST_PROVIDER === "postgresql")("a chunk whose run was started meanwhile by another transaction is undone: no effect of it stays", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ id: "x", type: "setField", field: "address", value: "x" }], { reentry: "once" });
    const version = await db.scenarioVersion.findFirstOrThrow({ where: { scenarioId: s.id } });
    const ce = await db.customEvent.findFirstOrThrow({ where: { tenantId: w.tenant.id, number: w.ce.id } });
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    let committed: Promise<unknown> | undefined;
    try {
      // another start of Alice's run, not yet committed when the chunk checks the runs' keys …
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO "ScenarioRun" ("tenantId", "scenarioId", "versionId", "customerId", "triggerKey", "status", "startedAt") VALUES ($1, $2, $3, $4, $5, 'queued', now())`,
        [w.tenant.id, s.id, version.id, w.alice.id, `once:${w.alice.id}`],
      );
      const trigger = { kind: "custom" as const, tenantId: w.tenant.id, customerId: w.alice.id, customEventId: ce.id, customEventNumber: w.ce.id, dataFields: [], at: w.clock.now(), key: "chunk" };
      // … and committed after the chunk's steps, before the chunk writes its run
      const point = (at: string) => void (at === "after-effect" && !committed && (committed = other.query("COMMIT")));
      await expect(db.$transaction((tx) => startRunsForTrigger(tx, trigger, w.clock.now(), { inline: { point } }))).rejects.toThrow(/started meanwhile by another transaction/);
    } finally {
      await committed;
      await other.end();
    }
    expect((await runsOf(s.id)).map((r) => r.status)).toEqual([RUN_STATUS.queued]);
    expect(await db.alternation.count({ where: { customerId: w.alice.id } })).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: w.alice.id } })).address).toBeNull();
  });

  it("a wait in the middle parks exactly the runs that reached it, one job each", async () => {
    const w = await automationWorld();
    const s = await w.scenario([
      { id: "check", type: "branch", if: { field: "score", op: "gte", value: 50 }, then: [{ id: "hold", type: "wait", minutes: 30 }], else: [{ id: "out", type: "exit" }] },
      { id: "stage", type: "setStage", stageId: w.stages.paid.id },
    ]);
    const lanes = await twinCustomers(w, [{ score: 80 }, { score: 10 }, { score: 90 }]);
    await runBothLanes(w, lanes);
    const a = await Promise.all(lanes.a.map((id) => footprint(w, id, [])));
    const b = await Promise.all(lanes.b.map((id) => footprint(w, id, [])));
    expect(b).toEqual(a);
    const until = new Date(w.clock.now().getTime() + 30 * MINUTE);
    expect(a.map((f) => f.runs[0].status)).toEqual([RUN_STATUS.waiting, RUN_STATUS.completed, RUN_STATUS.waiting]);
    expect(a[0].runs[0]).toMatchObject({ stepId: "hold" });
    expect(a[0].runs[0].steps.find((x) => x.stepId === "hold")).toMatchObject({ outcome: STEP_OUTCOME.waiting, detail: { until: until.toISOString() }, finishedAt: null });
    expect(a[0].jobs).toEqual([{ status: JOB_STATUS.pending, runAt: until }]);
    expect(a[1].jobs).toEqual([]);
    const stepJobs = await db.job.count({ where: { tenantId: w.tenant.id, kind: JOB_KINDS.scenarioStep, status: JOB_STATUS.pending } });
    expect(stepJobs).toBe(4);

    w.clock.advance(31 * MINUTE);
    await w.worker().drain();
    const runs = await runsOf(s.id);
    expect(runs.every((r) => r.status === RUN_STATUS.completed)).toBe(true);
    const later = [lanes.a[0], lanes.b[0], lanes.a[2], lanes.b[2]];
    const stages = await db.customer.findMany({ where: { id: { in: [...lanes.a, ...lanes.b] } }, select: { id: true, stageId: true } });
    for (const c of stages) expect(c.stageId).toBe(later.includes(c.id) ? w.stages.paid.id : null);
  });
});
