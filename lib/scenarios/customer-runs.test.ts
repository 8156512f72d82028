import { describe, expect, it } from "vitest";
import { fireCustomEvent } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { HOUR } from "@/lib/jobs/clock";
import { customerRunSummary } from "./customer-runs";
import { automationWorld } from "./test-world";

describe("the customer page's automation summary", () => {
  it("lists the runs under way or failed, not the finished ones, and its marker moves when a run does", async () => {
    const w = await automationWorld();
    // each run goes as far as it can before the next scenario replaces it (a paused scenario's steps wait)
    const fire = async () => {
      await fireCustomEvent(w.tenant.id, { customEventId: w.ce.id, customerId: w.alice.id, dataFields: [] }, w.clock.now());
      await w.worker().drain();
    };
    const only = async (name: string, steps: unknown[]) => {
      await db.scenario.updateMany({ where: { tenantId: w.tenant.id }, data: { status: "paused" } });
      return w.scenario(steps, { name });
    };
    await only("done", [{ type: "exit" }]);
    await fire();
    const doomed = await db.group.create({ data: { tenantId: w.tenant.id, name: "soon gone" } });
    await only("broken", [{ type: "addToGroup", groupId: doomed.id }]);
    await db.group.delete({ where: { id: doomed.id } });
    await fire();
    await only("patient", [{ type: "wait", hours: 1 }, { type: "exit" }]);
    await fire();

    const before = await customerRunSummary(w.tenant.id, w.alice.id);
    expect(before.runs.map((r) => [r.scenarioName, r.status, r.stepId])).toEqual([
      ["patient", "waiting", "wait-1"],
      ["broken", "failed", "addToGroup-1"],
    ]);
    expect(before.runs[1].error).toMatch(/^group_not_found: /);
    expect(await customerRunSummary(w.tenant.id, w.alice.id)).toEqual(before);
    expect((await customerRunSummary(w.tenant.id, w.bob.id)).runs).toEqual([]);

    w.clock.advance(HOUR);
    await w.worker().drain();
    const after = await customerRunSummary(w.tenant.id, w.alice.id);
    expect(after.runs.map((r) => r.scenarioName)).toEqual(["broken"]);
    expect(after.marker).not.toBe(before.marker);
  });
});
