import type { Prisma } from "@/generated/sqlite/client";
import type { DbOrTx } from "@/lib/db/client";
import { RUN_FAILURE } from "@/lib/scenarios/constants";
import { Flow, storedDocument, type Step } from "@/lib/scenarios/document";
import { keysetAfter, type Cursor } from "./keyset";

/**
 * A customer's scenario runs as timeline entries, read from ScenarioRun and ScenarioRunStep: the run
 * entered (at its start, with what triggered it), each step (at its end, or at its start while it
 * waits or retries: what it did, e.g. "added to group G", "webhook answered 200 after 2 attempts"),
 * and the run finished, failed (with the reason) or cancelled. Four keyset sources, one per kind of
 * row, merged with the customer's events and history by lib/feeds/timeline.ts.
 *
 * Runs are live rows: a step that was waiting moves to its end time once done, so a timeline read
 * again may show it elsewhere; within one read the order is total and the paging exact.
 */

/** Ties at one instant, newest first: a run's end above its steps above its start, all above events (rank 5). */
export const AUTOMATION_RANK = { finished: 9, stepDone: 8, stepOpen: 7, entered: 6 } as const;

const runSelect = {
  id: true,
  scenarioId: true,
  versionId: true,
  status: true,
  error: true,
  context: true,
  startedAt: true,
  finishedAt: true,
  scenario: { select: { name: true } },
  version: { select: { version: true } },
} satisfies Prisma.ScenarioRunSelect;

const stepSelect = {
  id: true,
  stepId: true,
  type: true,
  outcome: true,
  attempts: true,
  detail: true,
  error: true,
  startedAt: true,
  finishedAt: true,
  run: { select: runSelect },
} satisfies Prisma.ScenarioRunStepSelect;

type RunRow = Prisma.ScenarioRunGetPayload<{ select: typeof runSelect }>;
type StepRow = Prisma.ScenarioRunStepGetPayload<{ select: typeof stepSelect }>;

/** A row of one of the four sources, placed in the timeline's order. */
export type AutomationRow =
  | { source: "entered" | "finished"; rank: number; at: Date; id: number; run: RunRow }
  | { source: "stepDone" | "stepOpen"; rank: number; at: Date; id: number; step: StepRow };

/** What started the run: a custom event (its number and name) or a recorded event (its type's key and name). */
export type RunTrigger = { kind: "customEvent"; customEventId: number; name: string | null } | { kind: "event"; eventKey: string; name: string | null };

/**
 * What a step did, from its log and its configuration in the run's version. `changed` is false when
 * the step found nothing to do (already a member, the field already had that value); names are null
 * when the group, stage or event type no longer exists.
 */
export type StepAction =
  | { type: "wait"; until: string | null }
  | { type: "branch"; lane: "then" | "else" | null }
  | { type: "addToGroup" | "removeFromGroup"; groupId: number | null; groupName: string | null; changed: boolean | null }
  | { type: "setField"; field: string | null; value: string | number | null; changed: boolean | null }
  | { type: "setStage"; stageId: number | null; stageName: string | null; changed: boolean | null }
  | { type: "recordEvent"; eventKey: string | null; eventName: string | null }
  | { type: "webhook"; url: string | null; status: number | null }
  | { type: "exit" }
  | { type: "other"; name: string };

/** Why a run or step failed: `reason` is the symbolic cause (group_not_found, webhook_failed…), `error` the stored text. */
export interface Failure {
  reason: string;
  error: string;
}

interface RunRef {
  kind: "automation";
  /** the run's id for "entered" and "finished", the step log's id for "step" */
  id: number;
  at: string;
  runId: number;
  scenarioId: number;
  scenarioName: string;
  version: number;
}

export type TimelineAutomation = RunRef &
  (
    | { entry: "entered"; trigger: RunTrigger | null }
    | { entry: "step"; stepId: string; outcome: string; attempts: number; startedAt: string; action: StepAction; failure: Failure | null }
    | { entry: "finished"; status: string; failure: Failure | null }
  );

export interface Window {
  from?: Date;
  before?: Date;
}

const json = (raw: unknown): Record<string, unknown> | null => {
  const v = typeof raw === "string" ? JSON.parse(raw) : raw;
  return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
};

/** The time conditions of one source: the day range and the keyset. */
function when<F extends string>(field: F, rank: number, r: Window, c: Cursor | null) {
  const and: object[] = [];
  if (r.from || r.before) and.push({ [field]: { ...(r.from ? { gte: r.from } : {}), ...(r.before ? { lt: r.before } : {}) } });
  if (c) and.push(keysetAfter(field, rank, c, BigInt));
  return and.length ? { AND: and } : {};
}

/** Up to `limit` rows of each source after the cursor, each newest first. */
export async function automationRows(tenantId: number, customerId: number, r: Window, c: Cursor | null, limit: number, tx: DbOrTx): Promise<AutomationRow[]> {
  const mine = { tenantId, customerId };
  const newest = (field: "startedAt" | "finishedAt") => [{ [field]: "desc" as const }, { id: "desc" as const }];
  const [entered, finished, done, open] = await Promise.all([
    tx.scenarioRun.findMany({ where: { ...mine, ...when("startedAt", AUTOMATION_RANK.entered, r, c) }, select: runSelect, orderBy: newest("startedAt"), take: limit }),
    tx.scenarioRun.findMany({
      where: { ...mine, finishedAt: { not: null }, ...when("finishedAt", AUTOMATION_RANK.finished, r, c) },
      select: runSelect,
      orderBy: newest("finishedAt"),
      take: limit,
    }),
    tx.scenarioRunStep.findMany({
      where: { run: mine, finishedAt: { not: null }, ...when("finishedAt", AUTOMATION_RANK.stepDone, r, c) },
      select: stepSelect,
      orderBy: newest("finishedAt"),
      take: limit,
    }),
    tx.scenarioRunStep.findMany({ where: { run: mine, finishedAt: null, ...when("startedAt", AUTOMATION_RANK.stepOpen, r, c) }, select: stepSelect, orderBy: newest("startedAt"), take: limit }),
  ]);
  return [
    ...entered.map((run) => ({ source: "entered" as const, rank: AUTOMATION_RANK.entered, at: run.startedAt, id: Number(run.id), run })),
    ...finished.map((run) => ({ source: "finished" as const, rank: AUTOMATION_RANK.finished, at: run.finishedAt!, id: Number(run.id), run })),
    ...done.map((step) => ({ source: "stepDone" as const, rank: AUTOMATION_RANK.stepDone, at: step.finishedAt!, id: Number(step.id), step })),
    ...open.map((step) => ({ source: "stepOpen" as const, rank: AUTOMATION_RANK.stepOpen, at: step.startedAt, id: Number(step.id), step })),
  ];
}

/** "group_not_found: group 12 no longer exists" → its reason; a text without one is an internal failure. */
export function failureOf(error: string | null): Failure | null {
  if (!error) return null;
  const m = error.match(/^([a-z][a-z0-9_]*):/);
  return { reason: m ? m[1] : RUN_FAILURE.internal, error };
}

/** The status a webhook answered: in its log when delivered, else in the failure text ("webhook_failed: 500 …"). */
function webhookStatus(detail: Record<string, unknown> | null, error: string | null): number | null {
  if (typeof detail?.status === "number") return detail.status;
  const m = error?.match(new RegExp(`^${RUN_FAILURE.webhook}: (\\d{3})\\b`));
  return m ? Number(m[1]) : null;
}

interface Names {
  groups: Map<number, string>;
  stages: Map<number, string>;
  eventTypes: Map<string, string>;
  customEvents: Map<number, string>;
}

function actionOf(row: StepRow, step: Step | undefined, names: Names): StepAction {
  const detail = json(row.detail);
  const flag = (key: string) => (typeof detail?.[key] === "boolean" ? (detail[key] as boolean) : null);
  const changedFields = () => (Array.isArray(detail?.changed) ? detail.changed.length > 0 : null);
  switch (row.type) {
    case "wait":
      return { type: "wait", until: typeof detail?.until === "string" ? detail.until : null };
    case "branch":
      return { type: "branch", lane: detail?.branch === "then" || detail?.branch === "else" ? detail.branch : null };
    case "addToGroup":
    case "removeFromGroup": {
      const groupId = step?.type === "addToGroup" || step?.type === "removeFromGroup" ? step.groupId : null;
      return { type: row.type, groupId, groupName: groupId === null ? null : (names.groups.get(groupId) ?? null), changed: flag(row.type === "addToGroup" ? "added" : "removed") };
    }
    case "setField":
      return { type: "setField", field: step?.type === "setField" ? step.field : null, value: step?.type === "setField" ? step.value : null, changed: changedFields() };
    case "setStage": {
      const stageId = step?.type === "setStage" ? step.stageId : null;
      return { type: "setStage", stageId, stageName: stageId === null ? null : (names.stages.get(stageId) ?? null), changed: changedFields() };
    }
    case "recordEvent": {
      const eventKey = step?.type === "recordEvent" ? step.eventKey : null;
      return { type: "recordEvent", eventKey, eventName: eventKey === null ? null : (names.eventTypes.get(eventKey) ?? null) };
    }
    case "webhook":
      return { type: "webhook", url: step?.type === "webhook" ? step.url : null, status: webhookStatus(detail, row.error) };
    case "exit":
      return { type: "exit" };
    default:
      return { type: "other", name: row.type };
  }
}

function triggerOf(run: RunRow, names: Names): RunTrigger | null {
  const ctx = json(run.context);
  if (ctx?.kind === "customEvent" && typeof ctx.customEventId === "number") {
    return { kind: "customEvent", customEventId: ctx.customEventId, name: names.customEvents.get(ctx.customEventId) ?? null };
  }
  if (ctx?.kind === "event" && typeof ctx.eventKey === "string") return { kind: "event", eventKey: ctx.eventKey, name: names.eventTypes.get(ctx.eventKey) ?? null };
  return null;
}

const runOf = (row: AutomationRow): RunRow => ("run" in row ? row.run : row.step.run);

/** The rows of a page as timeline entries, with the names of what their steps touched, read in one round. */
export async function describeAutomation(tenantId: number, rows: AutomationRow[], tx: DbOrTx): Promise<TimelineAutomation[]> {
  if (!rows.length) return [];
  const versionIds = [...new Set(rows.filter((r) => "step" in r).map((r) => runOf(r).versionId))];
  const versions = versionIds.length ? await tx.scenarioVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, document: true } }) : [];
  const flows = new Map(versions.map((v) => [v.id, new Flow(storedDocument(v.document).steps)]));
  const stepOf = (row: StepRow) => flows.get(row.run.versionId)?.step(row.stepId);

  const groupIds = new Set<number>();
  const stageIds = new Set<number>();
  const eventKeys = new Set<string>();
  const numbers = new Set<number>();
  for (const row of rows) {
    if ("step" in row) {
      const s = stepOf(row.step);
      if (s?.type === "addToGroup" || s?.type === "removeFromGroup") groupIds.add(s.groupId);
      if (s?.type === "setStage") stageIds.add(s.stageId);
      if (s?.type === "recordEvent") eventKeys.add(s.eventKey);
    } else if (row.source === "entered") {
      const ctx = json(row.run.context);
      if (typeof ctx?.customEventId === "number") numbers.add(ctx.customEventId);
      if (typeof ctx?.eventKey === "string") eventKeys.add(ctx.eventKey);
    }
  }
  const [groups, stages, types, customEvents] = await Promise.all([
    groupIds.size ? tx.group.findMany({ where: { tenantId, id: { in: [...groupIds] } }, select: { id: true, name: true } }) : [],
    stageIds.size ? tx.lifecycleStage.findMany({ where: { tenantId, id: { in: [...stageIds] } }, select: { id: true, name: true } }) : [],
    eventKeys.size ? tx.eventType.findMany({ where: { tenantId, eventKey: { in: [...eventKeys] } }, select: { eventKey: true, name: true } }) : [],
    numbers.size ? tx.customEvent.findMany({ where: { tenantId, number: { in: [...numbers] } }, select: { number: true, name: true } }) : [],
  ]);
  const names: Names = {
    groups: new Map(groups.map((g) => [g.id, g.name])),
    stages: new Map(stages.map((s) => [s.id, s.name])),
    eventTypes: new Map(types.map((e) => [e.eventKey, e.name])),
    customEvents: new Map(customEvents.map((c) => [c.number, c.name])),
  };

  return rows.map((row): TimelineAutomation => {
    const run = runOf(row);
    const ref: RunRef = {
      kind: "automation",
      id: row.id,
      at: row.at.toISOString(),
      runId: Number(run.id),
      scenarioId: run.scenarioId,
      scenarioName: run.scenario.name,
      version: run.version.version,
    };
    if ("step" in row) {
      const s = row.step;
      return {
        ...ref,
        entry: "step",
        stepId: s.stepId,
        outcome: s.outcome,
        attempts: s.attempts,
        startedAt: s.startedAt.toISOString(),
        action: actionOf(s, stepOf(s), names),
        failure: failureOf(s.error),
      };
    }
    if (row.source === "entered") return { ...ref, entry: "entered", trigger: triggerOf(run, names) };
    return { ...ref, entry: "finished", status: run.status, failure: failureOf(run.error) };
  });
}
