import type { DbOrTx } from "@/lib/db/client";
import { chunk, instantLiteral, intLiteral, MAX_PARAMS, Params, rowsSource, type ColumnType } from "@/lib/db/sql";
import { isDomainError } from "@/lib/errors";
import type { FaultPoint } from "@/lib/jobs/faults";
import { rulesMatchAmong } from "@/lib/segments/service";
import { RUN_STATUS, STEP_OUTCOME } from "./constants";
import type { Flow, Step } from "./document";
import { changeCustomers, fieldChange } from "./customer-changes";
import { addToGroup, failure, removeFromGroup, scenarioAuthor, type EffectOutcome } from "./effects";

/**
 * Moving runs forward through their internal steps, many at once: the runs of one scenario version
 * positioned at the same step go through each step together — one set statement per effect
 * (lib/scenarios/effects.ts), one rule evaluation per branch (splitting the set into its two lanes),
 * waits that are already due — until each run reaches its end, a wait still to come, or an external
 * step (webhook, recordEvent). Then the step logs and the runs' positions are written in bulk, all in
 * the caller's transaction: a run's own step job (a set of one, engine.ts) and a fan-out chunk
 * (thousands, fanout.ts) share this code and leave the same rows behind.
 */

export interface SetRun {
  id: number;
  customerId: number;
  /** the run's trigger data (a wait `until: scheduledTime` reads it) */
  context: Record<string, unknown>;
}

export interface RunSet {
  tenantId: number;
  scenarioName: string;
  flow: Flow;
  runs: readonly SetRun[];
  /** the step the runs are at (null: past the last) */
  from: string | null;
  /** the runs were just started: no step of theirs has a log yet */
  fresh?: boolean;
}

/** Where a run stopped: finished, or parked at a wait, or at an external step (running). */
export type RunEnd =
  | { at: "completed" }
  | { at: "failed"; stepId: string; error: string }
  | { at: "waiting"; stepId: string; until: Date }
  | { at: "external"; stepId: string };

export const EXTERNAL_STEPS = new Set<Step["type"]>(["webhook", "recordEvent"]);

export type Point = (at: FaultPoint, step?: string) => void;

/** A step log row to write. */
export interface StepLog {
  runId: number;
  step: Step;
  outcome: string;
  detail?: unknown;
  error?: string;
  finished: boolean;
}

export function waitDuration(step: Step & { type: "wait" }): number {
  return ((step.minutes ?? 0) + (step.hours ?? 0) * 60 + (step.days ?? 0) * 1440) * 60_000;
}

/**
 * Advances the set from `set.from`, writing every effect, the step logs and each run's position
 * (completed or failed with finishedAt; waiting at a wait; running at an external step). Jobs are
 * the caller's: a step job settles itself, a fan-out enqueues one per run that did not finish.
 * Runs of one customer are taken one after the other, as separate jobs would.
 */
export async function advanceRuns(tx: DbOrTx, set: RunSet, now: Date, point: Point = () => undefined): Promise<Map<number, RunEnd>> {
  const ends = new Map<number, RunEnd>();
  let pending = [...set.runs];
  while (pending.length) {
    const seen = new Set<number>();
    const batch: SetRun[] = [];
    const later: SetRun[] = [];
    for (const r of pending) (seen.has(r.customerId) ? later : batch).push(r), seen.add(r.customerId);
    const logs: StepLog[] = [];
    await walk(tx, set, batch, now, point, ends, logs);
    await writeLogs(tx, logs, now);
    await writePositions(tx, batch, ends, now);
    pending = later;
  }
  return ends;
}

/**
 * The effects of `advanceRuns` without writing the runs or their step logs: for runs not written
 * yet (runs.ts writes them once, in the state they end in). The runs must be of distinct customers.
 */
export async function walkRuns(tx: DbOrTx, set: RunSet, now: Date, point: Point = () => undefined): Promise<{ ends: Map<number, RunEnd>; logs: StepLog[] }> {
  if (new Set(set.runs.map((r) => r.customerId)).size !== set.runs.length) throw new Error("walkRuns takes runs of distinct customers");
  const ends = new Map<number, RunEnd>();
  const logs: StepLog[] = [];
  await walk(tx, set, [...set.runs], now, point, ends, logs);
  return { ends, logs };
}

async function walk(tx: DbOrTx, set: RunSet, runs: SetRun[], now: Date, point: Point, ends: Map<number, RunEnd>, logs: StepLog[]) {
  const { flow } = set;
  const lanes: { id: string | null; runs: SetRun[] }[] = [{ id: set.from, runs }];
  for (let lane = lanes.pop(); lane; lane = lanes.pop()) {
    let { id, runs: here } = lane;
    while (here.length) {
      const step = id ? flow.step(id) : undefined;
      if (!id || !step) {
        for (const r of here) ends.set(r.id, { at: "completed" });
        break;
      }
      const stepId: string = id;
      if (EXTERNAL_STEPS.has(step.type)) {
        for (const r of here) ends.set(r.id, { at: "external", stepId });
        break;
      }
      const done = (r: SetRun, detail?: unknown) => logs.push({ runId: r.id, step, outcome: STEP_OUTCOME.done, detail, finished: true });
      if (step.type === "wait") {
        const started = set.fresh ? new Map<number, Date>() : await waitStarts(tx, here, stepId);
        const due: SetRun[] = [];
        for (const r of here) {
          const scheduled = typeof r.context.scheduledTime === "string" ? new Date(r.context.scheduledTime) : null;
          const until = step.until ? scheduled : new Date((started.get(r.id) ?? now).getTime() + waitDuration(step));
          if (until && until > now) {
            if (!started.has(r.id)) logs.push({ runId: r.id, step, outcome: STEP_OUTCOME.waiting, detail: { until: until.toISOString() }, finished: false });
            ends.set(r.id, { at: "waiting", stepId, until });
          } else {
            done(r);
            due.push(r);
          }
        }
        here = due;
        id = flow.next(stepId);
        continue;
      }
      if (step.type === "branch") {
        const matched = await rulesMatchAmong(set.tenantId, step.if, unique(here.map((r) => r.customerId)), { tx, now });
        const yes = here.filter((r) => matched.has(r.customerId));
        for (const r of here) done(r, { branch: matched.has(r.customerId) ? "then" : "else" });
        if (yes.length) lanes.push({ id: flow.lane(step, "then"), runs: yes });
        here = here.filter((r) => !matched.has(r.customerId));
        id = flow.lane(step, "else");
        continue;
      }
      if (step.type === "exit") {
        for (const r of here) {
          done(r);
          ends.set(r.id, { at: "completed" });
        }
        break;
      }
      // consecutive customer changes (setField, setStage) are applied together, each with its own outcome
      const chain: Step[] = [step];
      for (let n = flow.next(stepId); CHANGES.has(step.type) && n && CHANGES.has(flow.step(n)?.type ?? "exit"); n = flow.next(n)) chain.push(flow.step(n)!);
      for (const s of chain) point("before-effect", s.id);
      let outcomes: Map<number, EffectOutcome>[];
      try {
        outcomes = await effect(tx, set, chain, unique(here.map((r) => r.customerId)), now);
      } catch (err) {
        // a step that cannot be done (its group is gone): every run here fails with its reason
        if (!isDomainError(err)) throw err;
        const error = failure(err);
        outcomes = [new Map(here.map((r) => [r.customerId, { ok: false, error }]))];
      }
      for (const s of chain) point("after-effect", s.id);
      const next: SetRun[] = [];
      for (const r of here) {
        let failed = false;
        chain.forEach((s, i) => {
          const o = failed ? undefined : outcomes[i]?.get(r.customerId);
          if (!o) return;
          if (o.ok) logs.push({ runId: r.id, step: s, outcome: STEP_OUTCOME.done, detail: o.detail, finished: true });
          else {
            logs.push({ runId: r.id, step: s, outcome: STEP_OUTCOME.failed, error: o.error, finished: true });
            ends.set(r.id, { at: "failed", stepId: s.id!, error: o.error });
            failed = true;
          }
        });
        if (!failed) next.push(r);
      }
      here = next;
      id = flow.next(chain.at(-1)!.id!);
    }
  }
}

const CHANGES = new Set<Step["type"]>(["setField", "setStage"]);

const unique = (ids: number[]) => [...new Set(ids)];

/** The effect of a group step (a chain of one), or of a chain of customer changes: outcomes per step. */
async function effect(tx: DbOrTx, set: RunSet, chain: Step[], customerIds: number[], now: Date): Promise<Map<number, EffectOutcome>[]> {
  const [step] = chain;
  switch (step.type) {
    case "addToGroup":
      return [await addToGroup(tx, set.tenantId, customerIds, step.groupId, now)];
    case "removeFromGroup":
      return [await removeFromGroup(tx, set.tenantId, customerIds, step.groupId)];
    case "setField":
    case "setStage": {
      const changes = chain.map((s) => () => (s.type === "setField" ? fieldChange(s.field, s.value) : s.type === "setStage" ? { stageId: s.stageId } : {}));
      return changeCustomers(tx, set.tenantId, customerIds, changes, scenarioAuthor(set.scenarioName), now);
    }
    default:
      throw new Error(`not an internal effect: ${step.type}`);
  }
}

/** When the runs started waiting at this step (runs resumed after their wait have its log). */
async function waitStarts(tx: DbOrTx, runs: SetRun[], stepId: string): Promise<Map<number, Date>> {
  const out = new Map<number, Date>();
  for (const part of chunk(runs, 5000)) {
    const p = new Params();
    const rows = await tx.$queryRawUnsafe<{ runId: number | bigint; startedAt: Date | string }[]>(
      `SELECT "runId", "startedAt" FROM "ScenarioRunStep" WHERE "stepId" = ${p.add(stepId)} AND "runId" IN (${part.map((r) => intLiteral(r.id)).join(", ")})`,
      ...p.values,
    );
    for (const r of rows) out.set(Number(r.runId), r.startedAt instanceof Date ? r.startedAt : new Date(r.startedAt));
  }
  return out;
}

/**
 * The step logs, in bulk. A log that exists (a wait resumed) keeps its start, attempts and detail
 * unless the new row has one, as the single-row upsert did.
 */
export async function writeLogs(tx: DbOrTx, logs: readonly StepLog[], now: Date) {
  for (const part of chunk(logs, Math.floor(MAX_PARAMS / LOG_COLUMNS.length))) {
    const p = new Params();
    const rows = part.map((l) => [l.runId, l.step.id, l.step.type, l.outcome, 1, l.detail === undefined ? null : JSON.stringify(l.detail), l.error ?? null, now, l.finished ? now : null]);
    await tx.$executeRawUnsafe(
      `INSERT INTO "ScenarioRunStep" ("runId", "stepId", "type", "outcome", "attempts", "detail", "error", "startedAt", "finishedAt") ${rowsSource(p, LOG_COLUMNS, rows)}
       ON CONFLICT ("runId", "stepId") DO UPDATE SET "outcome" = excluded."outcome", "error" = excluded."error", "finishedAt" = excluded."finishedAt",
         "detail" = COALESCE(excluded."detail", "ScenarioRunStep"."detail")`,
      ...p.values,
    );
  }
}
const LOG_COLUMNS: ColumnType[] = ["bigint", "text", "text", "text", "int", "json", "text", "timestamp", "timestamp"];

/** Each run's position, one UPDATE per kind of end (and step, and error). */
async function writePositions(tx: DbOrTx, runs: SetRun[], ends: Map<number, RunEnd>, now: Date) {
  const groups = new Map<string, { end: RunEnd; ids: number[] }>();
  for (const r of runs) {
    const end = ends.get(r.id)!;
    const key = JSON.stringify([end.at, "stepId" in end ? end.stepId : null, end.at === "failed" ? end.error : null]);
    const g = groups.get(key) ?? { end, ids: [] };
    g.ids.push(r.id);
    groups.set(key, g);
  }
  const at = instantLiteral(now);
  for (const { end, ids } of groups.values()) {
    for (const part of chunk(ids, 5000)) {
      const p = new Params();
      const sets =
        end.at === "completed"
          ? `"status" = ${p.add(RUN_STATUS.completed)}, "stepId" = NULL, "error" = NULL, "finishedAt" = ${at}, "activeKey" = NULL`
          : end.at === "failed"
            ? `"status" = ${p.add(RUN_STATUS.failed)}, "stepId" = ${p.add(end.stepId)}, "error" = ${p.add(end.error)}, "finishedAt" = ${at}, "activeKey" = NULL`
            : `"status" = ${p.add(end.at === "waiting" ? RUN_STATUS.waiting : RUN_STATUS.running)}, "stepId" = ${p.add(end.stepId)}`;
      await tx.$executeRawUnsafe(`UPDATE "ScenarioRun" SET ${sets} WHERE "id" IN (${part.map(intLiteral).join(", ")})`, ...p.values);
    }
  }
}
