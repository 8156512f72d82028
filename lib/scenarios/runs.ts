import type { DbOrTx } from "@/lib/db/client";
import { chunk, MAX_PARAMS, Params, rowsSource, sqlInstant, type ColumnType } from "@/lib/db/sql";
import { JOB_KINDS } from "@/lib/jobs/constants";
import { cancelJobsByKey, enqueue, type NewJob } from "@/lib/jobs/repository";
import { advanceRuns, walkRuns, writeLogs, type Point } from "./advance";
import { conditionHolds, type AttrType } from "./conditions";
import {
  depthOfEventKey,
  eventTriggerKey,
  MAX_TRIGGER_DEPTH,
  RUN_FAILURE,
  RUN_STATUS,
  runJobKey,
  SCENARIO_STATUS,
  TRIGGER_KIND,
  UNFINISHED_RUN_STATUSES,
} from "./constants";
import { Flow, storedDocument, type Condition, type Reentry } from "./document";

/**
 * Starting and cancelling scenario runs, inside the caller's transaction (the one that records the
 * event, answers the trigger request, or expands a fan-out chunk): a run and its first step job
 * exist exactly when their cause committed. Re-entry is enforced by the database: "once" runs share
 * the trigger key `once:<customer>`, "oneAtATime" runs hold `activeKey` = the customer while
 * unfinished; both are unique per scenario.
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
  /** the event's idempotency key: a scenario's own event carries its depth there (scn:<depth>:…) */
  idempotencyKey?: string | null;
}

/** A custom event fired for one customer (the API, the console, a fan-out chunk). */
export interface CustomEventTrigger {
  kind: "custom";
  tenantId: number;
  customerId: number;
  /** the CustomEvent row's id */
  customEventId: number;
  /** the custom event's number (customEventId on the wire) */
  customEventNumber: number;
  dataFields: { name: string; type: string; value: string }[];
  at: Date;
  /** unique per firing and customer, e.g. `ce:<uuid>` or `fan:<fan-out id>:<customer id>` */
  key: string;
}

export type Trigger = EventTrigger | CustomEventTrigger;

interface ActiveVersion {
  scenarioId: number;
  scenarioName: string;
  versionId: number;
  causeId: number;
  reentry: Reentry;
  firstStepId: string | null;
  flow: Flow;
  where: Condition[];
}

/** The latest version of every active scenario triggered by these event types or custom events. */
async function activeVersionsFor(tx: DbOrTx, kind: string, column: "eventTypeId" | "customEventId", ids: readonly number[]): Promise<ActiveVersion[]> {
  if (!ids.length) return [];
  const p = new Params();
  const rows = await tx.$queryRawUnsafe<{ scenarioId: number; scenarioName: string; versionId: number; causeId: number; reentry: string; document: unknown }[]>(
    `SELECT s."id" AS "scenarioId", s."name" AS "scenarioName", v."id" AS "versionId", s."${column}" AS "causeId", s."reentry", v."document"
     FROM "Scenario" s JOIN "ScenarioVersion" v ON v."scenarioId" = s."id"
     WHERE s."status" = ${p.add(SCENARIO_STATUS.active)} AND s."triggerKind" = ${p.add(kind)}
       AND s."${column}" IN (${p.list([...new Set(ids)])})
       AND v."version" = (SELECT MAX(v2."version") FROM "ScenarioVersion" v2 WHERE v2."scenarioId" = s."id")
     ORDER BY s."id"`,
    ...p.values,
  );
  return rows.map((r) => {
    const doc = storedDocument(r.document);
    const trigger = (doc as { trigger?: { where?: Condition[] } }).trigger;
    const flow = new Flow(Array.isArray(doc?.steps) ? doc.steps : []);
    return {
      scenarioId: Number(r.scenarioId),
      scenarioName: r.scenarioName,
      versionId: Number(r.versionId),
      causeId: Number(r.causeId),
      reentry: (r.reentry as Reentry) ?? "everyTime",
      firstStepId: flow.first,
      flow,
      where: trigger?.where ?? [],
    };
  });
}

/** Attribute types of the event types whose scenarios have `where` conditions. */
async function attributeTypes(tx: DbOrTx, eventTypeIds: number[]): Promise<Map<string, AttrType>> {
  if (!eventTypeIds.length) return new Map();
  // raw SQL: ingestion calls this inside a driver transaction, which runs raw statements only
  const p = new Params();
  const attrs = await tx.$queryRawUnsafe<{ eventTypeId: number | string; attrKey: string; type: string }[]>(
    `SELECT "eventTypeId", "attrKey", "type" FROM "EventAttribute" WHERE "eventTypeId" IN (${p.list(eventTypeIds)})`,
    ...p.values,
  );
  return new Map(attrs.map((a) => [`${Number(a.eventTypeId)}:${a.attrKey}`, a.type as AttrType]));
}

interface NewRun {
  tenantId: number;
  customerId: number;
  v: ActiveVersion;
  triggerKey: string;
  activeKey: string | null;
  depth: number;
  runAt: Date;
  context: unknown;
}

export interface StartOptions {
  /**
   * Do the runs' leading internal steps here, in the caller's transaction, for all the runs of a
   * version at once (advance.ts), and queue a step job only for the runs that reach a wait still to
   * come or an external step. A fan-out chunk does; `point` is its fault-injection hook.
   */
  inline?: { point?: Point };
}

/**
 * Starts the runs these triggers cause: for each trigger, one run of every active scenario it
 * triggers (event type with its `where` conditions met, or custom event), on the scenario's latest
 * version, with its first step queued (at `scheduledTime` when that is in the future), as the
 * scenario's re-entry policy allows. The same trigger twice is a no-op. A run more than
 * MAX_TRIGGER_DEPTH scenario-recorded events deep is written failed. Returns the runs started.
 */
export async function startRunsForTrigger(tx: DbOrTx, triggers: Trigger | readonly Trigger[], now = new Date(), opts: StartOptions = {}): Promise<number> {
  const list = Array.isArray(triggers) ? (triggers as readonly Trigger[]) : [triggers as Trigger];
  const events = list.filter((t): t is EventTrigger => t.kind === "event");
  const customs = list.filter((t): t is CustomEventTrigger => t.kind === "custom");
  const [eventVersions, customVersions] = await Promise.all([
    activeVersionsFor(tx, TRIGGER_KIND.eventType, "eventTypeId", events.map((t) => t.eventTypeId)),
    activeVersionsFor(tx, TRIGGER_KIND.customEvent, "customEventId", customs.map((t) => t.customEventId)),
  ]);
  if (!eventVersions.length && !customVersions.length) return 0;
  const group = (vs: ActiveVersion[]) => {
    const m = new Map<number, ActiveVersion[]>();
    for (const v of vs) m.set(v.causeId, [...(m.get(v.causeId) ?? []), v]);
    return m;
  };
  const byType = group(eventVersions);
  const byCustom = group(customVersions);
  const types = await attributeTypes(tx, [...new Set(eventVersions.filter((v) => v.where.length).map((v) => v.causeId))]);

  const runs: NewRun[] = [];
  const keys = (v: ActiveVersion, customerId: number, own: string) => ({
    triggerKey: v.reentry === "once" ? `once:${customerId}` : own,
    activeKey: v.reentry === "oneAtATime" ? String(customerId) : null,
  });
  for (const t of events) {
    const depth = depthOfEventKey(t.idempotencyKey);
    for (const v of byType.get(t.eventTypeId) ?? []) {
      if (!v.where.every((c) => conditionHolds(types.get(`${t.eventTypeId}:${c.attr}`) ?? "text", c, t.attributes[c.attr]))) continue;
      runs.push({
        tenantId: t.tenantId,
        customerId: t.customerId,
        v,
        ...keys(v, t.customerId, eventTriggerKey(t.eventId)),
        depth,
        runAt: t.scheduledTime && t.scheduledTime > now ? t.scheduledTime : now,
        context: {
          kind: "event",
          eventId: t.eventId,
          eventKey: t.eventKey,
          happenTime: t.happenTime.toISOString(),
          scheduledTime: t.scheduledTime?.toISOString() ?? null,
          attributes: t.attributes,
        },
      });
    }
  }
  for (const t of customs) {
    for (const v of byCustom.get(t.customEventId) ?? []) {
      runs.push({
        tenantId: t.tenantId,
        customerId: t.customerId,
        v,
        ...keys(v, t.customerId, t.key),
        depth: 0,
        runAt: now,
        context: { kind: "customEvent", customEventId: t.customEventNumber, dataFields: t.dataFields, at: t.at.toISOString() },
      });
    }
  }
  return insertRuns(tx, runs, now, opts);
}

const RUN_COLUMNS: ColumnType[] = ["int", "int", "int", "int", "text", "text", "int", "text", "text", "json", "text", "timestamp", "timestamp"];
const INSERT_RUNS = `INSERT INTO "ScenarioRun" ("tenantId", "scenarioId", "versionId", "customerId", "triggerKey", "activeKey", "depth", "status", "stepId", "context", "error", "startedAt", "finishedAt")`;
const jobOf = (r: NewRun, runId: number, runAt: Date): NewJob => ({ kind: JOB_KINDS.scenarioStep, tenantId: r.tenantId, payload: { runId }, runAt, key: runJobKey(runId) });

async function insertRuns(tx: DbOrTx, all: NewRun[], now: Date, opts: StartOptions): Promise<number> {
  let started = 0;
  let runs = all;
  if (opts.inline) {
    const settled = await startSettledRuns(tx, all, now, opts.inline.point);
    started += settled.started;
    runs = settled.rest;
  }
  for (const part of chunk(runs, Math.floor(MAX_PARAMS / 12))) {
    const p = new Params();
    const rows = part.map((r) => {
      const tooDeep = r.depth > MAX_TRIGGER_DEPTH;
      const status = tooDeep ? RUN_STATUS.failed : RUN_STATUS.queued;
      const error = tooDeep ? `${RUN_FAILURE.loopDepth}: started by a scenario's own event ${r.depth} levels deep (at most ${MAX_TRIGGER_DEPTH})` : null;
      return [r.tenantId, r.v.scenarioId, r.v.versionId, r.customerId, r.triggerKey, tooDeep ? null : r.activeKey, r.depth, status, r.v.firstStepId, JSON.stringify(r.context), error, now, tooDeep ? now : null];
    });
    const inserted = await tx.$queryRawUnsafe<{ id: number | bigint; scenarioId: number; triggerKey: string; status: string }[]>(
      `${INSERT_RUNS} ${rowsSource(p, RUN_COLUMNS, rows)} ON CONFLICT DO NOTHING RETURNING "id", "scenarioId", "triggerKey", "status"`,
      ...p.values,
    );
    const byKey = new Map<string, NewRun>();
    for (const r of part) if (!byKey.has(`${r.v.scenarioId}\u0000${r.triggerKey}`)) byKey.set(`${r.v.scenarioId}\u0000${r.triggerKey}`, r);
    const queued = inserted.filter((row) => row.status === RUN_STATUS.queued).map((row) => ({ id: Number(row.id), run: byKey.get(`${Number(row.scenarioId)}\u0000${row.triggerKey}`)! }));
    const jobs: NewJob[] = [];
    const job = jobOf;
    // runs due now go through their internal steps here when asked, a version's runs together
    const sets = new Map<number, typeof queued>();
    for (const q of queued) {
      if (opts.inline && q.run.runAt <= now) {
        const list = sets.get(q.run.v.versionId) ?? [];
        list.push(q);
        sets.set(q.run.v.versionId, list);
      }
      else jobs.push(job(q.run, q.id, q.run.runAt));
    }
    for (const set of sets.values()) {
      const { v, tenantId } = set[0].run;
      const runs = set.map((q) => ({ id: q.id, customerId: q.run.customerId, context: q.run.context as Record<string, unknown> }));
      const ends = await advanceRuns(tx, { tenantId, scenarioName: v.scenarioName, flow: v.flow, runs, from: v.firstStepId, fresh: true }, now, opts.inline?.point);
      for (const q of set) {
        const end = ends.get(q.id)!;
        if (end.at === "waiting") jobs.push(job(q.run, q.id, end.until));
        else if (end.at === "external") jobs.push(job(q.run, q.id, now));
      }
    }
    await enqueue(tx, jobs, now);
    started += queued.length;
  }
  return started;
}

/**
 * Runs started with their internal steps done here, whose re-entry rests on the trigger key alone
 * (everyTime, once), are written once, in the state the steps leave them in (completed, failed,
 * waiting, running at an external step), instead of written queued and then updated: on PostgreSQL
 * each run's second write costs as much as the first (`status` is indexed: no HOT update). The
 * steps run first, on provisional ids: keys already taken are left out beforehand, and a key taken
 * meanwhile by another transaction makes the insert write fewer runs than got effects — then the
 * whole transaction is undone (an error; the chunk's job is tried again). oneAtATime runs, runs due
 * later, runs of a customer twice in one version, and runs too deep take the write-then-update way.
 */
async function startSettledRuns(tx: DbOrTx, runs: NewRun[], now: Date, point?: Point): Promise<{ started: number; rest: NewRun[] }> {
  const rest: NewRun[] = [];
  const byVersion = new Map<number, { keys: Set<string>; customers: Set<number>; runs: NewRun[] }>();
  for (const r of runs) {
    const g = byVersion.get(r.v.versionId) ?? { keys: new Set<string>(), customers: new Set<number>(), runs: [] };
    byVersion.set(r.v.versionId, g);
    if (r.v.reentry === "oneAtATime" || r.runAt > now || r.depth > MAX_TRIGGER_DEPTH || g.customers.has(r.customerId)) rest.push(r);
    else if (!g.keys.has(r.triggerKey)) {
      g.keys.add(r.triggerKey);
      g.customers.add(r.customerId);
      g.runs.push(r);
    }
  }
  let started = 0;
  const jobs: NewJob[] = [];
  for (const g of byVersion.values()) {
    if (!g.runs.length) continue;
    const { v, tenantId } = g.runs[0];
    const taken = new Set<string>();
    for (const part of chunk([...g.keys], MAX_PARAMS - 1)) {
      const p = new Params();
      const rows = await tx.$queryRawUnsafe<{ triggerKey: string }[]>(
        `SELECT "triggerKey" FROM "ScenarioRun" WHERE "scenarioId" = ${p.add(v.scenarioId)} AND "triggerKey" IN (${p.list(part)})`,
        ...p.values,
      );
      for (const row of rows) taken.add(row.triggerKey);
    }
    const fresh = g.runs.filter((r) => !taken.has(r.triggerKey));
    if (!fresh.length) continue;
    const provisional = fresh.map((r, i) => ({ id: -(i + 1), customerId: r.customerId, context: r.context as Record<string, unknown> }));
    const { ends, logs } = await walkRuns(tx, { tenantId, scenarioName: v.scenarioName, flow: v.flow, runs: provisional, from: v.firstStepId, fresh: true }, now, point);
    const idOf = new Map<string, number>();
    for (const part of chunk(fresh.map((r, i) => [r, provisional[i].id] as const), Math.floor(MAX_PARAMS / 12))) {
      const p = new Params();
      const rows = part.map(([r, id]) => {
        const end = ends.get(id)!;
        const status = { completed: RUN_STATUS.completed, failed: RUN_STATUS.failed, waiting: RUN_STATUS.waiting, external: RUN_STATUS.running }[end.at];
        const finished = end.at === "completed" || end.at === "failed";
        return [r.tenantId, v.scenarioId, v.versionId, r.customerId, r.triggerKey, null, r.depth, status, "stepId" in end ? end.stepId : null, JSON.stringify(r.context), end.at === "failed" ? end.error : null, now, finished ? now : null];
      });
      const inserted = await tx.$queryRawUnsafe<{ id: number | bigint; triggerKey: string }[]>(
        `${INSERT_RUNS} ${rowsSource(p, RUN_COLUMNS, rows)} ON CONFLICT DO NOTHING RETURNING "id", "triggerKey"`,
        ...p.values,
      );
      if (inserted.length !== part.length) throw new Error(`scenario ${v.scenarioId}: ${part.length - inserted.length} of its runs were started meanwhile by another transaction; this one is undone and tried again`);
      for (const row of inserted) idOf.set(row.triggerKey, Number(row.id));
    }
    const real = new Map(fresh.map((r, i) => [provisional[i].id, idOf.get(r.triggerKey)!]));
    await writeLogs(tx, logs.map((l) => ({ ...l, runId: real.get(l.runId)! })), now);
    fresh.forEach((r, i) => {
      const end = ends.get(provisional[i].id)!;
      if (end.at === "waiting") jobs.push(jobOf(r, real.get(provisional[i].id)!, end.until));
      else if (end.at === "external") jobs.push(jobOf(r, real.get(provisional[i].id)!, now));
    });
    started += fresh.length;
  }
  await enqueue(tx, jobs, now);
  return { started, rest };
}

/** Cancels a customer's unfinished runs and their live step jobs. Returns the number of runs. */
export async function cancelCustomerRuns(tx: DbOrTx, tenantId: number, customerId: number, now = new Date()): Promise<number> {
  const p = new Params();
  const runs = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `UPDATE "ScenarioRun" SET "status" = ${p.add(RUN_STATUS.cancelled)}, "activeKey" = NULL, "finishedAt" = ${p.add(sqlInstant(now))}
     WHERE "tenantId" = ${p.add(tenantId)} AND "customerId" = ${p.add(customerId)} AND "status" IN (${p.list(UNFINISHED_RUN_STATUSES)})
     RETURNING "id"`,
    ...p.values,
  );
  if (runs.length) await cancelJobsByKey(tx, runs.map((r) => runJobKey(r.id)), now);
  return runs.length;
}
