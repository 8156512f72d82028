import type { Prisma } from "@/generated/sqlite/client";
import { currentProvider, Params, sqlInstant } from "@/lib/db/sql";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { DAY } from "@/lib/jobs/clock";
import { JOB_KINDS, JOB_STATUS } from "@/lib/jobs/constants";
import { enqueue, notifyWorkers } from "@/lib/jobs/repository";
import { RUN_STATUS, runJobKey, SCENARIO_STATUS, STEP_OUTCOME, TRIGGER_KIND, UNFINISHED_RUN_STATUSES } from "./constants";
import { storedDocument, type ScenarioDocument } from "./document";
import { validateDocument } from "./validate";

/**
 * Scenarios as documents: save (create, or a new version when the scenario is active or its latest
 * version has runs), activate / pause / resume, export; their runs, counts and step logs for the
 * console; retry and cancel of a run.
 */

export interface ScenarioView {
  id: number;
  name: string;
  status: string;
  reentry: string;
  version: number;
  document: ScenarioDocument;
  createdAt: Date;
  updatedAt: Date;
}

async function latest(tenantId: number, id: number) {
  const s = await db.scenario.findFirst({
    where: { tenantId, id, status: { not: SCENARIO_STATUS.archived } },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  if (!s || !s.versions[0]) throw fail("scenario_not_found", `scenario ${id} not found`, { params: { id } });
  return { s, v: s.versions[0] };
}

const view = (s: { id: number; name: string; status: string; reentry: string; createdAt: Date; updatedAt: Date }, v: { version: number; document: unknown }): ScenarioView => {
  const doc = storedDocument(v.document);
  return { id: s.id, name: s.name, status: s.status, reentry: s.reentry, version: v.version, document: { ...doc, status: s.status as ScenarioDocument["status"] }, createdAt: s.createdAt, updatedAt: s.updatedAt };
};

export async function getScenario(tenantId: number, id: number): Promise<ScenarioView> {
  const { s, v } = await latest(tenantId, id);
  return view(s, v);
}

/** The scenario's JSON document (what scenario:export prints and scenario:import reads). */
export async function exportScenario(tenantId: number, id: number): Promise<ScenarioDocument & { id: number }> {
  const sv = await getScenario(tenantId, id);
  return { id: sv.id, ...sv.document };
}

/**
 * Creates (no id) or updates a scenario from its document, after checking it against the tenant's
 * data. Editing an active scenario, or one whose latest version has runs, saves a new version:
 * running customers finish on the version they started.
 */
export async function saveScenario(tenantId: number, input: unknown, id?: number): Promise<ScenarioView> {
  const { document, customEventId, eventTypeId } = await validateDocument(tenantId, input, db);
  const { status, ...stored } = document;
  const columns = {
    name: document.name,
    status,
    reentry: document.reentry,
    triggerKind: customEventId ? TRIGGER_KIND.customEvent : TRIGGER_KIND.eventType,
    customEventId,
    eventTypeId,
  };
  const json = stored as unknown as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    if (id === undefined) {
      const s = await tx.scenario.create({ data: { tenantId, ...columns, versions: { create: [{ version: 1, document: json }] } }, include: { versions: true } });
      return view(s, s.versions[0]);
    }
    const { s: before, v } = await latest(tenantId, id);
    const used = (await tx.scenarioRun.count({ where: { versionId: v.id }, take: 1 })) > 0;
    const next =
      before.status === SCENARIO_STATUS.active || used
        ? await tx.scenarioVersion.create({ data: { scenarioId: id, version: v.version + 1, document: json } })
        : await tx.scenarioVersion.update({ where: { id: v.id }, data: { document: json } });
    const s = await tx.scenario.update({ where: { id }, data: columns });
    if (before.status === SCENARIO_STATUS.paused && status === SCENARIO_STATUS.active) await releaseHeld(tx, id);
    return view(s, next);
  });
}

async function releaseHeld(tx: Prisma.TransactionClient | typeof db, scenarioId: number) {
  const p = new Params();
  await tx.$executeRawUnsafe(
    `UPDATE "Job" SET "status" = ${p.add(JOB_STATUS.pending)} WHERE "status" = ${p.add(JOB_STATUS.held)} AND "kind" = ${p.add(JOB_KINDS.scenarioStep)}
       AND "liveKey" IN (SELECT 'run:' || CAST("id" AS TEXT) FROM "ScenarioRun" WHERE "scenarioId" = ${p.add(scenarioId)} AND "status" IN (${p.list(UNFINISHED_RUN_STATUSES)}))`,
    ...p.values,
  );
  await notifyWorkers(tx as typeof db);
}

/** activate (checks the document again: a group may have gone), pause (no new runs, no new steps), resume. */
export async function setScenarioStatus(tenantId: number, id: number, to: "active" | "paused"): Promise<ScenarioView> {
  const { s, v } = await latest(tenantId, id);
  if (to === SCENARIO_STATUS.active) await validateDocument(tenantId, { ...storedDocument(v.document), status: "active" }, db);
  if (to === SCENARIO_STATUS.paused && s.status !== SCENARIO_STATUS.active) throw fail("scenario_state", `scenario ${id} is ${s.status}, not active`);
  return db.$transaction(async (tx) => {
    const updated = await tx.scenario.update({ where: { id }, data: { status: to } });
    if (to === SCENARIO_STATUS.active) await releaseHeld(tx, id);
    return view(updated, v);
  });
}

export interface ScenarioCounts {
  entered: number;
  active: number;
  waiting: number;
  completed: number;
  failed: number;
}

async function countsBy(tenantId: number, scenarioIds: number[]): Promise<Map<number, ScenarioCounts>> {
  const rows = await db.scenarioRun.groupBy({ by: ["scenarioId", "status"], where: { tenantId, scenarioId: { in: scenarioIds } }, _count: { _all: true } });
  const out = new Map<number, ScenarioCounts>();
  for (const id of scenarioIds) out.set(id, { entered: 0, active: 0, waiting: 0, completed: 0, failed: 0 });
  for (const r of rows) {
    const c = out.get(r.scenarioId)!;
    const n = r._count._all;
    c.entered += n;
    if (r.status === RUN_STATUS.queued || r.status === RUN_STATUS.running) c.active += n;
    else if (r.status === RUN_STATUS.waiting) c.waiting += n;
    else if (r.status === RUN_STATUS.completed) c.completed += n;
    else if (r.status === RUN_STATUS.failed) c.failed += n;
  }
  return out;
}

/** scenario:stats: entered (every run), active (queued or running), waiting, completed, failed. */
export async function scenarioStats(tenantId: number, id: number): Promise<ScenarioCounts> {
  await latest(tenantId, id);
  return (await countsBy(tenantId, [id])).get(id)!;
}

/** Runs started per UTC day over the last 30 days, oldest first, zero days included. */
async function entriesPerDay(tenantId: number, scenarioIds: number[], now: Date): Promise<Map<number, { day: string; entries: number }[]>> {
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY - 29 * DAY);
  const out = new Map<number, { day: string; entries: number }[]>();
  const days = Array.from({ length: 30 }, (_, i) => new Date(from.getTime() + i * DAY).toISOString().slice(0, 10));
  for (const id of scenarioIds) out.set(id, days.map((day) => ({ day, entries: 0 })));
  if (!scenarioIds.length) return out;
  const p = new Params();
  const day = currentProvider() === "postgresql" ? `to_char("startedAt", 'YYYY-MM-DD')` : `substr("startedAt", 1, 10)`;
  const rows = await db.$queryRawUnsafe<{ scenarioId: number; day: string; n: number | bigint }[]>(
    `SELECT "scenarioId", ${day} AS "day", COUNT(*) AS "n" FROM "ScenarioRun"
     WHERE "tenantId" = ${p.add(tenantId)} AND "scenarioId" IN (${p.list(scenarioIds)}) AND "startedAt" >= ${p.add(sqlInstant(from))}
     GROUP BY "scenarioId", ${day}`,
    ...p.values,
  );
  for (const r of rows) {
    const slot = out.get(Number(r.scenarioId))?.find((d) => d.day === r.day);
    if (slot) slot.entries = Number(r.n);
  }
  return out;
}

export interface ScenarioListItem {
  id: number;
  name: string;
  status: string;
  trigger: ScenarioDocument["trigger"];
  reentry: string;
  version: number;
  counts: ScenarioCounts;
  entriesPerDay: { day: string; entries: number }[];
  updatedAt: Date;
}

export async function listScenarios(tenantId: number, now = new Date()): Promise<ScenarioListItem[]> {
  const rows = await db.scenario.findMany({
    where: { tenantId, status: { not: SCENARIO_STATUS.archived } },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { id: "asc" },
  });
  const ids = rows.map((r) => r.id);
  const [counts, entries] = await Promise.all([countsBy(tenantId, ids), entriesPerDay(tenantId, ids, now)]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    trigger: storedDocument(r.versions[0]?.document).trigger,
    reentry: r.reentry,
    version: r.versions[0]?.version ?? 0,
    counts: counts.get(r.id)!,
    entriesPerDay: entries.get(r.id)!,
    updatedAt: r.updatedAt,
  }));
}

/** How many customers wait at (or are queued for) each step now. */
export async function waitingPerStep(tenantId: number, scenarioId: number): Promise<{ stepId: string; waiting: number }[]> {
  await latest(tenantId, scenarioId);
  const rows = await db.scenarioRun.groupBy({
    by: ["stepId"],
    where: { tenantId, scenarioId, status: { in: [...UNFINISHED_RUN_STATUSES] }, stepId: { not: null } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ stepId: r.stepId!, waiting: r._count._all }));
}

const runSelect = {
  id: true,
  scenarioId: true,
  versionId: true,
  customerId: true,
  status: true,
  stepId: true,
  depth: true,
  error: true,
  startedAt: true,
  finishedAt: true,
  version: { select: { version: true } },
  scenario: { select: { name: true } },
  customer: { select: { name: true } },
  steps: { select: { stepId: true, type: true, outcome: true, attempts: true, error: true, detail: true, startedAt: true, finishedAt: true }, orderBy: { id: "asc" as const } },
} as const;
type RunRow = Prisma.ScenarioRunGetPayload<{ select: typeof runSelect }>;

export interface RunView {
  id: number;
  scenarioId: number;
  scenarioName: string;
  version: number;
  customerId: number;
  customerName: string;
  status: string;
  stepId: string | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  steps: { stepId: string; type: string; outcome: string; attempts: number; error: string | null; detail: unknown; startedAt: Date; finishedAt: Date | null }[];
}

const runView = (r: RunRow): RunView => ({
  id: Number(r.id),
  scenarioId: r.scenarioId,
  scenarioName: r.scenario.name,
  version: r.version.version,
  customerId: r.customerId,
  customerName: r.customer.name,
  status: r.status,
  stepId: r.stepId,
  error: r.error,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  steps: r.steps.map((s) => ({ ...s, detail: typeof s.detail === "string" ? JSON.parse(s.detail) : s.detail })),
});

export interface RunsPage {
  items: RunView[];
  total: number;
  page: number;
  pageSize: number;
}

/** A scenario's runs, newest first, each with its step log. */
export async function listScenarioRuns(tenantId: number, scenarioId: number, q: { page?: number; pageSize?: number; status?: string } = {}): Promise<RunsPage> {
  await latest(tenantId, scenarioId);
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, q.pageSize ?? 20));
  const where = { tenantId, scenarioId, ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    db.scenarioRun.findMany({ where, select: runSelect, orderBy: { id: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.scenarioRun.count({ where }),
  ]);
  return { items: rows.map(runView), total, page, pageSize };
}

export async function getRun(tenantId: number, runId: number): Promise<RunView> {
  const r = await db.scenarioRun.findFirst({ where: { tenantId, id: BigInt(runId) }, select: runSelect });
  if (!r) throw fail("run_not_found", `run ${runId} not found`, { params: { id: runId } });
  return runView(r);
}

/** A failed run tries its failed step again (a fresh attempt count), from where it stopped. */
export async function retryRun(tenantId: number, runId: number, now = new Date()): Promise<RunView> {
  const run = await getRun(tenantId, runId);
  if (run.status !== RUN_STATUS.failed) throw fail("run_state", `run ${runId} is ${run.status}, not failed`);
  await db.$transaction(async (tx) => {
    const n = await tx.scenarioRun.updateMany({ where: { id: BigInt(runId), status: RUN_STATUS.failed }, data: { status: RUN_STATUS.queued, error: null, finishedAt: null } });
    if (!n.count) throw fail("run_state", `run ${runId} is no longer failed`);
    if (run.stepId) {
      await tx.scenarioRunStep.updateMany({ where: { runId: BigInt(runId), stepId: run.stepId }, data: { outcome: STEP_OUTCOME.retrying, attempts: 0, error: null, finishedAt: null } });
    }
    await enqueue(tx, { kind: JOB_KINDS.scenarioStep, tenantId, payload: { runId }, runAt: now, key: runJobKey(runId) }, now);
  });
  return getRun(tenantId, runId);
}

/** Cancels an unfinished run and its queued step. */
export async function cancelRun(tenantId: number, runId: number, now = new Date()): Promise<RunView> {
  const run = await getRun(tenantId, runId);
  if (!UNFINISHED_RUN_STATUSES.includes(run.status as never)) throw fail("run_state", `run ${runId} is ${run.status}, already finished`);
  await db.$transaction(async (tx) => {
    await tx.scenarioRun.updateMany({ where: { id: BigInt(runId), status: { in: [...UNFINISHED_RUN_STATUSES] } }, data: { status: RUN_STATUS.cancelled, finishedAt: now, activeKey: null } });
    const p = new Params();
    await tx.$executeRawUnsafe(
      `UPDATE "Job" SET "status" = ${p.add(JOB_STATUS.cancelled)}, "liveKey" = NULL, "lockToken" = NULL, "updatedAt" = ${p.add(sqlInstant(now))} WHERE "liveKey" = ${p.add(runJobKey(runId))}`,
      ...p.values,
    );
  });
  return getRun(tenantId, runId);
}
