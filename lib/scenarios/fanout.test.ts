import { describe, expect, it } from "vitest";
import { fireCustomEventForSegments } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { Crash } from "@/lib/jobs/faults";
import { automationWorld, membersOf } from "./test-world";

describe("withsegments fan-out", () => {
  it("resumes after a crash mid-chunk and puts each customer of the union in once", async () => {
    process.env.CDP_FANOUT_CHUNK = "10";
    const w = await automationWorld();
    const t = w.tenant.id;
    await db.customer.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ tenantId: t, name: `c${i}`, score: i })) });
    const a = await db.segment.create({ data: { tenantId: t, name: "low", rules: { field: "score", op: "lt", value: 20 } } });
    const b = await db.segment.create({ data: { tenantId: t, name: "high", rules: { field: "score", op: "gte", value: 10 } } });
    await w.scenario([{ type: "addToGroup", groupId: w.group.id }]);
    const { fanOutId } = await fireCustomEventForSegments(t, { customEventId: w.ce.id, segments: [a.id, b.id] }, w.clock.now());
    let commits = 0;
    // dies before the second chunk's commit (the first chunk committed with its cursor)
    const dying = w.worker({ at: (p, info) => { if (p === "before-commit" && info.step?.startsWith("fanout:") && commits++ === 1) throw new Crash(p); } });
    await dying.drain();
    expect(commits).toBe(2);
    expect((await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } })).customers).toBe(10);
    w.clock.advance(31_000);
    await w.worker().drain();
    const fan = await db.scenarioFanOut.findUniqueOrThrow({ where: { id: BigInt(fanOutId) } });
    const live = await db.customer.count({ where: { tenantId: t, deletedAt: null } });
    expect(fan).toMatchObject({ status: "done", customers: live, runs: live });
    expect(await db.scenarioRun.count({ where: { tenantId: t } })).toBe(live);
    expect((await membersOf(w.group.id)).length).toBe(live);
    delete process.env.CDP_FANOUT_CHUNK;
  });

  it("refuses an unknown segment by naming it", async () => {
    const w = await automationWorld();
    await expect(fireCustomEventForSegments(w.tenant.id, { customEventId: w.ce.id, segments: [987654] })).rejects.toMatchObject({ reason: "segment_not_found", message: "segment 987654 not found" });
  });
});
