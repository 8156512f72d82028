import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { RecordEventInput } from "@/lib/customer-events/schemas";
import { recordEvent } from "@/lib/customer-events/service";
import { db, type Tx } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import type { ClaimedJob } from "@/lib/jobs/lease";
import type { JobContext, JobHandler, Settle } from "@/lib/jobs/worker";
import { ruleMatches } from "@/lib/segments/service";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { RUN_FAILURE, RUN_STATUS, SCENARIO_STATUS, scenarioEventKey, STEP_OUTCOME } from "./constants";
import { Flow, storedDocument, type Step } from "./document";
import { addToGroup, changeCustomer, fieldChange, removeFromGroup, scenarioAuthor } from "./effects";
import { loadRun, type RunRow } from "./run-loader";
import { runWebhookStep } from "./webhook-step";

/**
 * The scenario step handler (job kind scenario.step): moves one run forward. Internal steps
 * (branch, groups, fields, stage, exit, a due wait) run back to back in one fenced transaction that
 * also writes their step log and the run's position, so each effect commits exactly once with the
 * step. External steps (webhook, recordEvent) run between transactions: the webhook at least once
 * with the stable Idempotency-Key `<run id>:<step id>`, the recorded event exactly once through its
 * idempotency key. A wait parks the job until it is due.
 */

const flows = new Map<number, Flow>();
function flowOf(versionId: number, document: unknown): Flow {
  let f = flows.get(versionId);
  if (!f) {
    f = new Flow(storedDocument(document).steps);
    if (flows.size > 1000) flows.clear();
    flows.set(versionId, f);
  }
  return f;
}

const FINISHED = new Set<string>([RUN_STATUS.completed, RUN_STATUS.failed, RUN_STATUS.cancelled]);
const EXTERNAL = new Set<Step["type"]>(["webhook", "recordEvent"]);

async function logStep(tx: Tx, runId: number, step: Step, now: Date, data: { outcome: string; attempts?: number; error?: string | null; detail?: unknown; finished?: boolean; startedAt?: Date }) {
  const fields = {
    outcome: data.outcome,
    error: data.error ?? null,
    finishedAt: data.finished === false ? null : now,
    ...(data.attempts !== undefined ? { attempts: data.attempts } : {}),
    ...(data.detail !== undefined ? { detail: data.detail as object } : {}),
  };
  await tx.scenarioRunStep.upsert({
    where: { runId_stepId: { runId: BigInt(runId), stepId: step.id! } },
    create: { runId: BigInt(runId), stepId: step.id!, type: step.type, startedAt: data.startedAt ?? now, attempts: data.attempts ?? 1, ...fields },
    update: fields,
  });
}

async function finishRun(tx: Tx, run: RunRow, settle: Settle, now: Date, status: "completed" | "failed", error: string | null = null) {
  await tx.scenarioRun.update({ where: { id: BigInt(run.id) }, data: { status, error, finishedAt: now, activeKey: null } });
  await settle({ status: "done" });
}

function waitDuration(step: Step & { type: "wait" }): number {
  return ((step.minutes ?? 0) + (step.hours ?? 0) * 60 + (step.days ?? 0) * 1440) * 60_000;
}

type Position = { at: "external"; stepId: string } | { at: "parked" } | { at: "finished" };

/** Runs internal steps from `stepId` on, inside the fenced transaction, until an external step, a wait, or the end. */
async function advance(tx: Tx, ctx: JobContext, run: RunRow, flow: Flow, from: string | null, settle: Settle): Promise<Position> {
  const now = ctx.now();
  let id = from;
  while (id) {
    const step = flow.step(id);
    if (!step) break;
    if (EXTERNAL.has(step.type)) {
      await tx.scenarioRun.update({ where: { id: BigInt(run.id) }, data: { stepId: id, status: RUN_STATUS.running } });
      return { at: "external", stepId: id };
    }
    try {
      switch (step.type) {
        case "wait": {
          const log = await tx.scenarioRunStep.findUnique({ where: { runId_stepId: { runId: BigInt(run.id), stepId: id } }, select: { startedAt: true } });
          const started = log?.startedAt ?? now;
          const scheduled = typeof run.context.scheduledTime === "string" ? new Date(run.context.scheduledTime) : null;
          const until = step.until ? scheduled : new Date(started.getTime() + waitDuration(step));
          if (until && until > now) {
            if (!log) await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.waiting, finished: false, detail: { until: until.toISOString() } });
            await tx.scenarioRun.update({ where: { id: BigInt(run.id) }, data: { stepId: id, status: RUN_STATUS.waiting } });
            await settle({ status: "pending", runAt: until, attempts: 0 });
            ctx.point("before-commit", step.id);
            return { at: "parked" };
          }
          await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.done, startedAt: started });
          id = flow.next(id);
          continue;
        }
        case "branch": {
          const matched = await ruleMatches(run.tenantId, step.if, run.customerId, { tx, now });
          await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.done, detail: { branch: matched ? "then" : "else" } });
          id = flow.lane(step, matched ? "then" : "else");
          continue;
        }
        case "exit":
          await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.done });
          id = null;
          continue;
      }
      ctx.point("before-effect", step.id);
      let detail: unknown;
      switch (step.type) {
        case "addToGroup":
          detail = { added: await addToGroup(tx, run.tenantId, run.customerId, step.groupId, now) };
          break;
        case "removeFromGroup":
          detail = { removed: await removeFromGroup(tx, run.tenantId, run.customerId, step.groupId) };
          break;
        case "setField":
          detail = { changed: await changeCustomer(tx, run.tenantId, run.customerId, fieldChange(step.field, step.value), scenarioAuthor(run.scenarioName), now) };
          break;
        case "setStage":
          detail = { changed: await changeCustomer(tx, run.tenantId, run.customerId, { stageId: step.stageId }, scenarioAuthor(run.scenarioName), now) };
          break;
      }
      ctx.point("after-effect", step.id);
      await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.done, detail });
      id = flow.next(id);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      // a step that cannot be done (its group, stage or option is gone): the run fails, shown with its reason
      const error = `${err.reason}: ${err.message}`;
      await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.failed, error });
      await tx.scenarioRun.update({ where: { id: BigInt(run.id) }, data: { stepId: id } });
      await finishRun(tx, run, settle, now, "failed", error);
      ctx.point("before-commit", step.id);
      return { at: "finished" };
    }
  }
  await tx.scenarioRun.update({ where: { id: BigInt(run.id) }, data: { stepId: null } });
  await finishRun(tx, run, settle, now, "completed");
  ctx.point("before-commit");
  return { at: "finished" };
}

/** Performs an external step, then commits its outcome (and the internal steps after it). */
async function external(ctx: JobContext, run: RunRow, flow: Flow, step: Step): Promise<Position> {
  if (step.type === "webhook") {
    // many runs' webhook steps share their statements (webhook-step.ts); a run that moves on to an
    // internal step continues in this job (the handler's loop)
    const next = flow.next(step.id!);
    const r = await runWebhookStep(ctx, run, step, next);
    return r === "continue" ? { at: "external", stepId: next! } : { at: r };
  }
  // count the attempt first (fenced), so maxAttempts holds even across crashes
  const attempt = await ctx.commit(async (tx) => {
    const log = await tx.scenarioRunStep.findUnique({ where: { runId_stepId: { runId: BigInt(run.id), stepId: step.id! } }, select: { attempts: true } });
    const n = (log?.attempts ?? 0) + 1;
    await logStep(tx, run.id, step, ctx.now(), { outcome: STEP_OUTCOME.retrying, attempts: n, finished: false });
    return n;
  });
  ctx.point("before-effect", step.id);
  let result: { ok: true; detail: unknown } | { ok: false; retryAt?: Date; error: string };
  if (step.type === "recordEvent") {
    try {
      const timeZone = await tenantTimeZone(run.tenantId);
      const input: RecordEventInput = {
        customerId: run.customerId,
        eventKey: step.eventKey,
        happenTime: format(new TZDate(ctx.now(), timeZone), "yyyy-MM-dd HH:mm:ss"),
        attributes: Object.entries(step.attrs ?? {}).map(([attrKey, attrValue]) => ({ attrKey, attrValue: String(attrValue) })),
        eventId: scenarioEventKey(run.depth + 1, run.id, step.id!),
      };
      const r = await recordEvent(run.tenantId, input, { type: "system", id: null }, { timeZone });
      result = { ok: true, detail: { eventId: r.eventId } };
    } catch (err) {
      if (!isDomainError(err)) throw err;
      result = { ok: false, error: `${err.reason}: ${err.message}` };
    }
  } else throw new Error(`not an external step: ${step.type}`);
  ctx.point("after-effect", step.id);

  const position = await ctx.commit(async (tx, settle) => {
    const now = ctx.now();
    if (result.ok) {
      await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.done, attempts: attempt, detail: result.detail });
      return advance(tx, ctx, run, flow, flow.next(step.id!), settle);
    }
    if (result.retryAt) {
      await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.retrying, attempts: attempt, error: result.error, finished: false });
      await settle({ status: "pending", runAt: result.retryAt });
      ctx.point("before-commit", step.id);
      return { at: "parked" } as Position;
    }
    await logStep(tx, run.id, step, now, { outcome: STEP_OUTCOME.failed, attempts: attempt, error: result.error });
    await finishRun(tx, run, settle, now, "failed", result.error);
    ctx.point("before-commit", step.id);
    return { at: "finished" } as Position;
  });
  ctx.point("after-commit", step.id);
  return position;
}

export const scenarioStepHandler: JobHandler = {
  async run(ctx) {
    const runId = Number(ctx.job.payload.runId);
    for (let guard = 0; guard < 1000; guard++) {
      const run = await loadRun(runId);
      if (!run || FINISHED.has(run.status)) {
        await ctx.commit((_tx, settle) => settle({ status: run?.status === RUN_STATUS.cancelled ? "cancelled" : "done" }));
        return;
      }
      if (run.scenarioStatus !== SCENARIO_STATUS.active) {
        // paused: set the step aside; resuming puts it back (scenarios service)
        await ctx.commit((_tx, settle) => settle({ status: "held" }));
        return;
      }
      const flow = flowOf(run.versionId, run.document);
      const step = run.stepId ? flow.step(run.stepId) : undefined;
      let position: Position;
      if (step && EXTERNAL.has(step.type)) position = await external(ctx, run, flow, step);
      else {
        position = await ctx.commit(async (tx, settle) => {
          if (run.status === RUN_STATUS.queued) await tx.scenarioRun.update({ where: { id: BigInt(run.id) }, data: { status: RUN_STATUS.running } });
          return advance(tx, ctx, run, flow, run.stepId, settle);
        });
        ctx.point("after-commit", run.stepId ?? undefined);
      }
      if (position.at !== "external") return;
    }
  },

  async dead(tx: Tx, job: ClaimedJob, reason: string, now: Date) {
    const runId = Number(job.payload.runId);
    const run = await tx.scenarioRun.findUnique({ where: { id: BigInt(runId) }, select: { status: true, stepId: true } });
    if (!run || FINISHED.has(run.status)) return;
    const error = reason.startsWith(RUN_FAILURE.takenOver) || reason.startsWith(RUN_FAILURE.internal) ? reason : `${RUN_FAILURE.internal}: ${reason}`;
    await tx.scenarioRun.update({ where: { id: BigInt(runId) }, data: { status: RUN_STATUS.failed, error, finishedAt: now, activeKey: null } });
    if (run.stepId) {
      await tx.scenarioRunStep.upsert({
        where: { runId_stepId: { runId: BigInt(runId), stepId: run.stepId } },
        create: { runId: BigInt(runId), stepId: run.stepId, type: "unknown", outcome: STEP_OUTCOME.failed, error, startedAt: now, finishedAt: now },
        update: { outcome: STEP_OUTCOME.failed, error, finishedAt: now },
      });
    }
  },
};
