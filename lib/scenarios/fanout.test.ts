import { describe, expect, it } from "vitest";
import { fireCustomEventForSegments } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { JOB_KINDS } from "@/lib/jobs/constants";
import { Crash, type FaultPoint } from "@/lib/jobs/faults";
import { RUN_STATUS, STEP_OUTCOME } from "./constants";
import { automationWorld, membersOf } from "./test-world";

/** 30 customers in two overlapping segments (scores 0–19 and 10–29), chunks of 10. */
async function overlappingSegments() {
  process.env.CDP_FANOUT_CHUNK = "10";
  const w = await automationWorld();
  const t = w.tenant.id;
  await db.customer.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ tenantId: t, name: `c${i}`, score: i })) });
  const a = await db.segment.create({ data: { tenantId: t, name: "low", rules: { field: "score", op: "lt", value: 20 } } });
  const b = await db.segment.create({ data: { tenantId: t, name: "high", rules: { field: "score", op: "gte", value: 10 } } });
  return { w, t, a, b };
}

describe("withsegments fan-out", () => {
  it("resumes after a crash mid-chunk and puts each customer of the union in once", async () => {
    const { w, t, a, b } = await overlappingSegments();
    await w.scenario([{ type: "addToGroup", groupId: w.group.id }]);
    const { fanOutId } = await fireCustomEventForSegments(t, { customEventId: w.ce.id, segments: [a.id, b.id] }, w.clock.now());
    let commits = 0;
    // dies before the second chunk's commit (the other chunks commit)
    const dying = w.worker({ at: (p, info) => { if (p === "before-commit" && info.step?.startsWith("fanout:") && commits++ === 1) throw new Crash(p); } });
    await dying.drain();
    expect(commits).toBe(4);
    const live = await db.customer.count({ where: { tenantId: t, deletedAt: null } });
    expect(await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } })).toMatchObject({ status: "pending", chunks: 5, chunksDone: 4, customers: live - 10 });
    w.clock.advance(31_000);
    await w.worker().drain();
    const fan = await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } });
    expect(fan).toMatchObject({ status: "done", customers: live, runs: live, chunks: 5, chunksDone: 5 });
    expect(await db.scenarioRun.count({ where: { tenantId: t } })).toBe(live);
    expect((await membersOf(w.group.id)).length).toBe(live);
    delete process.env.CDP_FANOUT_CHUNK;
  });

  // a chunk job: before-effect (runs about to be written), before-effect/after-effect around each of
  // the flow's steps applied to the chunk's runs, after-effect, before-commit, then after-commit
  const POINTS: [FaultPoint, string][] = [
    ["claimed", ""],
    ["before-effect", ""],
    ["before-effect", ":join"],
    ["after-effect", ":join"],
    ["before-effect", ":stage"],
    ["after-effect", ":score"],
    ["after-effect", ""],
    ["before-commit", ""],
    ["after-commit", ""],
  ];
  for (const [point, step] of POINTS) {
    it(`a crash at ${point}${step} of a chunk: every effect of every customer happens exactly once`, async () => {
      const { w, t, a, b } = await overlappingSegments();
      const s = await w.scenario([
        { id: "join", type: "addToGroup", groupId: w.group.id },
        { id: "stage", type: "setStage", stageId: w.stages.paid.id },
        { id: "score", type: "setField", field: "score", value: 100 },
      ]);
      const { fanOutId } = await fireCustomEventForSegments(t, { customEventId: w.ce.id, segments: [a.id, b.id] }, w.clock.now());
      let seen = 0;
      let crashed = 0;
      // the second chunk's point (its range starts past 0); claimed: the walk's claim
      const hit = (p: FaultPoint, at?: string) => {
        if (p !== point) return false;
        if (point === "claimed") return ++seen === 1;
        const m = at?.match(/^fanout:(\d+)(:.*)?$/);
        return !!m && m[1] !== "0" && (m[2] ?? "") === step && ++seen === 1;
      };
      await w.worker({ at: (p, info) => { if (hit(p, info.step)) { crashed++; throw new Crash(p); } } }).drain();
      expect(crashed).toBe(1);
      w.clock.advance(31_000);
      await w.worker().drain();
      delete process.env.CDP_FANOUT_CHUNK;

      // the world's own customers (Alice, Bob) are in the union too
      const live = await db.customer.count({ where: { tenantId: t, deletedAt: null } });
      const fan = await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } });
      expect(fan).toMatchObject({ status: "done", customers: live, runs: live });
      const runs = await db.scenarioRun.findMany({ where: { scenarioId: s.id }, select: { id: true, customerId: true, status: true } });
      expect(runs).toHaveLength(live);
      expect(new Set(runs.map((r) => r.customerId)).size).toBe(live);
      expect(runs.filter((r) => r.status !== RUN_STATUS.completed)).toEqual([]);
      const ids = runs.map((r) => r.customerId);
      expect((await membersOf(w.group.id)).length).toBe(live);
      const changes = await db.alternation.groupBy({ by: ["customerId", "field"], where: { customerId: { in: ids } }, _count: { _all: true } });
      expect(changes).toHaveLength(2 * live);
      expect(changes.filter((c) => c._count._all !== 1)).toEqual([]);
      const logs = await db.scenarioRunStep.findMany({ where: { runId: { in: runs.map((r) => r.id) } }, select: { outcome: true, attempts: true } });
      expect(logs).toHaveLength(3 * live);
      expect(logs.filter((l) => l.outcome !== STEP_OUTCOME.done || l.attempts !== 1)).toEqual([]);
      const after = await db.customer.findMany({ where: { id: { in: ids } }, select: { score: true, stageId: true } });
      expect(after.every((c) => c.score === 100 && c.stageId === w.stages.paid.id)).toBe(true);
      // nothing was left for a step job: the whole flow ran in the chunks
      expect(await db.job.count({ where: { tenantId: t, kind: JOB_KINDS.scenarioStep } })).toBe(0);
    });
  }

  it("a long walk passes itself on to fresh jobs, and a crash in one redoes only its page", async () => {
    const { w, t, a, b } = await overlappingSegments();
    process.env.CDP_FANOUT_CHUNK = "2"; // 32 customers: 16 chunks, handed out 10 per walk job
    const s = await w.scenario([{ id: "join", type: "addToGroup", groupId: w.group.id }]);
    const { fanOutId } = await fireCustomEventForSegments(t, { customEventId: w.ce.id, segments: [a.id, b.id] }, w.clock.now());
    let walks = 0;
    await w.worker({ at: (p, info) => { if (p === "before-commit" && info.step?.startsWith("fanout-walk:") && walks++ === 1) throw new Crash(p); } }).drain();
    w.clock.advance(31_000);
    await w.worker().drain();
    delete process.env.CDP_FANOUT_CHUNK;
    const live = await db.customer.count({ where: { tenantId: t, deletedAt: null } });
    expect(await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } })).toMatchObject({ status: "done", chunks: 17, chunksDone: 17, customers: live, runs: live });
    const jobs = await db.job.findMany({ where: { tenantId: t, kind: JOB_KINDS.scenarioFanOut }, orderBy: { id: "asc" }, select: { status: true, takeovers: true } });
    expect(jobs).toEqual([{ status: "done", takeovers: 0 }, { status: "done", takeovers: 1 }]);
    expect((await membersOf(w.group.id)).length).toBe(live);
    expect(await db.scenarioRun.count({ where: { scenarioId: s.id, status: RUN_STATUS.completed } })).toBe(live);
  });

  it("refuses an unknown segment by naming it", async () => {
    const w = await automationWorld();
    await expect(fireCustomEventForSegments(w.tenant.id, { customEventId: w.ce.id, segments: [987654] })).rejects.toMatchObject({ reason: "segment_not_found", message: "segment 987654 not found" });
  });
});
