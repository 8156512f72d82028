import { randomBytes } from "node:crypto";
import { createCustomEvent } from "@/lib/custom-events/service";
import { eventWorld } from "@/lib/test/customer-events";
import { db } from "@/lib/db/client";
import { TestClock } from "@/lib/jobs/clock";
import type { FaultHooks } from "@/lib/jobs/faults";
import { saveScenario } from "./service";
import { createAutomationWorker } from "./worker";

/** What the automation tests share: the event world, a group, a custom event, a settable clock. */
export async function automationWorld() {
  const w = await eventWorld();
  const group = await db.group.create({ data: { tenantId: w.tenant.id, name: `vip-${randomBytes(2).toString("hex")}` } });
  const ce = await createCustomEvent(w.tenant.id, { name: "Order placed", fields: [{ name: "Amount", type: "Money" }] });
  // a minute ahead of the wall clock, so what ingestion queues at "now" is due for the worker
  const clock = new TestClock(Date.now() + 60_000);
  const worker = (hooks?: FaultHooks, leaseMs = 30_000) => createAutomationWorker({ clock, hooks, leaseMs, concurrency: 1, log: process.env.WORKER_LOG ? console.log : () => undefined });
  const scenario = (steps: unknown[], extra: Record<string, unknown> = {}) =>
    saveScenario(w.tenant.id, { name: `s-${randomBytes(2).toString("hex")}`, status: "active", trigger: { customEvent: ce.id }, reentry: "everyTime", steps, ...extra });
  return { ...w, group, ce, clock, worker, scenario };
}

export type AutomationWorld = Awaited<ReturnType<typeof automationWorld>>;

export const membersOf = (groupId: number) => db.groupMember.findMany({ where: { groupId }, select: { customerId: true } });
export const runsOf = (scenarioId: number) => db.scenarioRun.findMany({ where: { scenarioId }, orderBy: { id: "asc" } });
