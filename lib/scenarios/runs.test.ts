import { describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/customer-events/service";
import { API, eventWorld, paid, type EventWorld } from "@/lib/test/customer-events";
import { deleteCustomer } from "@/lib/customers/service";
import { db } from "@/lib/db/client";
import { JOB_KINDS, JOB_STATUS } from "@/lib/jobs/constants";
import { enqueue } from "@/lib/jobs/repository";
import { RUN_STATUS } from "./constants";
import { startRunsForTrigger, type EventTrigger } from "./runs";

const SYSTEM = { actor: { type: "system" as const, id: null, name: null }, loginNo: null, name: "test" };

async function activeScenario(w: EventWorld) {
  return db.scenario.create({
    data: {
      tenantId: w.tenant.id,
      name: "welcome",
      status: "active",
      triggerKind: "event_type",
      eventTypeId: w.types.orderPaid.id,
      versions: { create: [{ version: 1, document: { steps: [{ id: "wait-1", type: "wait", minutes: 5 }] } }] },
    },
  });
}

describe("starting runs", () => {
  it("starts a trigger's runs once: the same trigger again is a no-op", async () => {
    const w = await eventWorld();
    const scenario = await activeScenario(w);
    const trigger: EventTrigger = {
      kind: "event",
      tenantId: w.tenant.id,
      customerId: w.alice.id,
      eventTypeId: w.types.orderPaid.id,
      eventId: 424242,
      eventKey: "order_paid",
      happenTime: new Date(),
      attributes: {},
    };
    expect(await db.$transaction((tx) => startRunsForTrigger(tx, trigger))).toBe(1);
    expect(await db.$transaction((tx) => startRunsForTrigger(tx, [trigger, trigger]))).toBe(0);
    const runs = await db.scenarioRun.findMany({ where: { scenarioId: scenario.id } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ triggerKey: "event:424242", stepId: "wait-1", status: RUN_STATUS.queued });
    expect(await db.job.count({ where: { tenantId: w.tenant.id, kind: JOB_KINDS.scenarioStep } })).toBe(1);
  });
});

describe("the job queue", () => {
  it("keeps one live job per key, and a finished job frees its key", async () => {
    const w = await eventWorld();
    const job = { kind: JOB_KINDS.scenarioStep, tenantId: w.tenant.id, payload: { runId: 1 }, runAt: new Date(), key: `k-${w.tenant.id}` };
    expect(await enqueue(db, job)).toBe(1);
    expect(await enqueue(db, job)).toBe(0);
    await db.job.updateMany({ where: { key: job.key }, data: { status: JOB_STATUS.done, liveKey: null } });
    expect(await enqueue(db, job)).toBe(1);
    expect(await db.job.count({ where: { key: job.key } })).toBe(2);
  });
});

describe("deleting a customer", () => {
  it("removes its group memberships and cancels its unfinished runs and their jobs, in one go", async () => {
    const w = await eventWorld();
    await activeScenario(w);
    const group = await db.group.create({ data: { tenantId: w.tenant.id, name: "vip" } });
    await db.groupMember.create({ data: { tenantId: w.tenant.id, groupId: group.id, customerId: w.alice.id } });
    await db.groupMember.create({ data: { tenantId: w.tenant.id, groupId: group.id, customerId: w.bob.id } });
    await recordEvent(w.tenant.id, paid(w.alice.id), API);
    await recordEvent(w.tenant.id, paid(w.bob.id), API);
    const aliceRun = await db.scenarioRun.findFirstOrThrow({ where: { customerId: w.alice.id } });
    // a run that already finished stays as it was
    await db.scenarioRun.create({
      data: { ...pick(aliceRun), triggerKey: "done-before", status: RUN_STATUS.completed, finishedAt: new Date() },
    });

    await deleteCustomer(w.tenant.id, SYSTEM, w.alice.id);

    expect(await db.groupMember.findMany({ where: { groupId: group.id }, select: { customerId: true } })).toEqual([{ customerId: w.bob.id }]);
    const runs = await db.scenarioRun.findMany({ where: { tenantId: w.tenant.id }, orderBy: { id: "asc" } });
    expect(runs.map((r) => [r.customerId, r.status])).toEqual([
      [w.alice.id, RUN_STATUS.cancelled],
      [w.bob.id, RUN_STATUS.queued],
      [w.alice.id, RUN_STATUS.completed],
    ]);
    const jobs = await db.job.findMany({ where: { tenantId: w.tenant.id }, orderBy: { id: "asc" } });
    expect(jobs.map((j) => [j.status, j.liveKey])).toEqual([
      [JOB_STATUS.cancelled, null],
      [JOB_STATUS.pending, `run:${runs[1].id}`],
    ]);
  });
});

function pick(r: { tenantId: number; scenarioId: number; versionId: number; customerId: number }) {
  return { tenantId: r.tenantId, scenarioId: r.scenarioId, versionId: r.versionId, customerId: r.customerId };
}
