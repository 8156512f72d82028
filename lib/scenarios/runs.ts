import type { DbOrTx } from "@/lib/db/client";
import { chunk, MAX_PARAMS, Params, sqlInstant } from "@/lib/db/sql";
import { JOB_KINDS } from "@/lib/jobs/constants";
import { cancelJobsByKey, enqueue } from "@/lib/jobs/repository";
import { eventTriggerKey, RUN_STATUS, runJobKey, SCENARIO_STATUS, TRIGGER_KIND, UNFINISHED_RUN_STATUSES } from "./constants";

/**
 * Starting and cancelling scenario runs, inside the caller's transaction (the one that records the
 * event, or soft-deletes the customer): a run and its first step job exist exactly when their cause
 * committed.
 */

/** A recorded customer event, as a scenario trigger. */
export interface EventTrigger {
  kind: "event";
  tenantId: number;
  customerId: number;
  eventTypeId: number;
  eventId: number;
  eventKey: string;
  happenTime: Date;
  /** runs start then when it is in the future */
  scheduledTime?: Date | null;
  attributes: Record<string, string>;
}

interface ActiveVersion {
  scenarioId: number;
  versionId: number;
  eventTypeId: number;
  firstStepId: string | null;
}

/** The latest version of every active scenario triggered by these event types. */
async function activeVersionsFor(tx: DbOrTx, eventTypeIds: readonly number[]): Promise<ActiveVersion[]> {
  if (!eventTypeIds.length) return [];
  const p = new Params();
  const rows = await tx.$queryRawUnsafe<{ scenarioId: number; versionId: number; eventTypeId: number; document: unknown }[]>(
    `SELECT s."id" AS "scenarioId", v."id" AS "versionId", s."eventTypeId", v."document"
     FROM "Scenario" s JOIN "ScenarioVersion" v ON v."scenarioId" = s."id"
     WHERE s."status" = ${p.add(SCENARIO_STATUS.active)} AND s."triggerKind" = ${p.add(TRIGGER_KIND.eventType)}
       AND s."eventTypeId" IN (${p.list([...new Set(eventTypeIds)])})
       AND v."version" = (SELECT MAX(v2."version") FROM "ScenarioVersion" v2 WHERE v2."scenarioId" = s."id")
     ORDER BY s."id"`,
    ...p.values,
  );
  return rows.map((r) => ({
    scenarioId: Number(r.scenarioId),
    versionId: Number(r.versionId),
    eventTypeId: Number(r.eventTypeId),
    firstStepId: firstStepId(r.document),
  }));
}

function firstStepId(document: unknown): string | null {
  const doc = typeof document === "string" ? (JSON.parse(document) as unknown) : document;
  const steps = (doc as { steps?: { id?: unknown }[] } | null)?.steps;
  const id = Array.isArray(steps) ? steps[0]?.id : undefined;
  return typeof id === "string" ? id : null;
}

/**
 * Starts the runs these triggers cause: for each trigger, one run of every active scenario whose
 * trigger is the event's type, on the scenario's latest version, with its first step queued (at
 * `scheduledTime` when that is in the future). A run whose (scenario, triggerKey) exists is not
 * started again. Returns the number of runs started.
 */
export async function startRunsForTrigger(tx: DbOrTx, triggers: EventTrigger | readonly EventTrigger[], now = new Date()): Promise<number> {
  const list = Array.isArray(triggers) ? (triggers as readonly EventTrigger[]) : [triggers as EventTrigger];
  const versions = await activeVersionsFor(tx, list.map((t) => t.eventTypeId));
  if (!versions.length) return 0;
  const byType = new Map<number, ActiveVersion[]>();
  for (const v of versions) byType.set(v.eventTypeId, [...(byType.get(v.eventTypeId) ?? []), v]);

  const runs = list.flatMap((t) =>
    (byType.get(t.eventTypeId) ?? []).map((v) => ({
      t,
      v,
      triggerKey: eventTriggerKey(t.eventId),
      runAt: t.scheduledTime && t.scheduledTime > now ? t.scheduledTime : now,
    })),
  );
  let started = 0;
  const at = sqlInstant(now);
  for (const part of chunk(runs, Math.floor(MAX_PARAMS / 9))) {
    const p = new Params();
    const values = part.map(({ t, v, triggerKey }) => {
      const context = {
        eventId: t.eventId,
        eventKey: t.eventKey,
        happenTime: t.happenTime.toISOString(),
        scheduledTime: t.scheduledTime?.toISOString() ?? null,
        attributes: t.attributes,
      };
      return `(${p.add(t.tenantId)}, ${p.add(v.scenarioId)}, ${p.add(v.versionId)}, ${p.add(t.customerId)}, ${p.add(triggerKey)}, ${p.add(RUN_STATUS.queued)}, ${p.add(v.firstStepId)}, ${p.add(JSON.stringify(context))}, ${p.add(at)})`;
    });
    const inserted = await tx.$queryRawUnsafe<{ id: number | bigint; scenarioId: number; triggerKey: string }[]>(
      `INSERT INTO "ScenarioRun" ("tenantId", "scenarioId", "versionId", "customerId", "triggerKey", "status", "stepId", "context", "startedAt")
       VALUES ${values.join(", ")} ON CONFLICT ("scenarioId", "triggerKey") DO NOTHING RETURNING "id", "scenarioId", "triggerKey"`,
      ...p.values,
    );
    const byKey = new Map(part.map((r) => [`${r.v.scenarioId}\u0000${r.triggerKey}`, r]));
    await enqueue(
      tx,
      inserted.map((row) => {
        const r = byKey.get(`${Number(row.scenarioId)}\u0000${row.triggerKey}`)!;
        return { kind: JOB_KINDS.scenarioStep, tenantId: r.t.tenantId, payload: { runId: Number(row.id) }, runAt: r.runAt, key: runJobKey(row.id) };
      }),
      now,
    );
    started += inserted.length;
  }
  return started;
}

/** Cancels a customer's unfinished runs and their live step jobs. Returns the number of runs. */
export async function cancelCustomerRuns(tx: DbOrTx, tenantId: number, customerId: number, now = new Date()): Promise<number> {
  const p = new Params();
  const runs = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `UPDATE "ScenarioRun" SET "status" = ${p.add(RUN_STATUS.cancelled)}, "finishedAt" = ${p.add(sqlInstant(now))}
     WHERE "tenantId" = ${p.add(tenantId)} AND "customerId" = ${p.add(customerId)} AND "status" IN (${p.list(UNFINISHED_RUN_STATUSES)})
     RETURNING "id"`,
    ...p.values,
  );
  if (runs.length) await cancelJobsByKey(tx, runs.map((r) => runJobKey(r.id)), now);
  return runs.length;
}
