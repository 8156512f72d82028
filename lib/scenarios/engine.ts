import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { RecordEventInput } from "@/lib/customer-events/schemas";
import { recordEvent } from "@/lib/customer-events/service";
import type { Tx } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import type { ClaimedJob } from "@/lib/jobs/lease";
import type { JobContext, JobHandler, Settle } from "@/lib/jobs/worker";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { RUN_FAILURE, RUN_STATUS, SCENARIO_STATUS, scenarioEventKey, STEP_OUTCOME } from "./constants";
import { Flow, storedDocument, type Step } from "./document";
import { advanceRuns, EXTERNAL_STEPS } from "./advance";
import { loadRun, type RunRow } from "./run-loader";
import { runWebhookStep } from "./webhook-step";

/**
 * The scenario step handler (job kind scenario.step): moves one run forward. Internal steps
 * (branch, groups, fields, stage, exit, a due wait) run back to back in one fenced transaction that
 * also writes their step log and the run's position (advance.ts, the code a fan-out chunk runs for
 * thousands of runs at once), so each effect commits exactly once with the step. External steps
 * (webhook, recordEvent) run between transactions: the webhook at least once with the stable
 * Idempotency-Key `<run id>:<step id>`, the recorded event exactly once through its
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

type Position = { at: "external"; stepId: string } | { at: "parked" } | { at: "finished" };

/**
 * Runs internal steps from `from` on, inside the fenced transaction, until an external step, a
 * wait, or the end: the set path of advance.ts with a set of one; this job settles itself.
 */
async function advance(tx: Tx, ctx: JobContext, run: RunRow, flow: Flow, from: string | null, settle: Settle): Promise<Position> {
  const set = { tenantId: run.tenantId, scenarioName: run.scenarioName, flow, runs: [{ id: run.id, customerId: run.customerId, context: run.context }], from };
  const end = (await advanceRuns(tx, set, ctx.now(), ctx.point)).get(run.id)!;
  switch (end.at) {
    case "external":
      return { at: "external", stepId: end.stepId };
    case "waiting":
      await settle({ status: "pending", runAt: end.until, attempts: 0 });
      ctx.point("before-commit", end.stepId);
      return { at: "parked" };
    case "failed":
      await settle({ status: "done" });
      ctx.point("before-commit", end.stepId);
      return { at: "finished" };
    case "completed":
      await settle({ status: "done" });
      ctx.point("before-commit");
      return { at: "finished" };
  }
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
      if (step && EXTERNAL_STEPS.has(step.type)) position = await external(ctx, run, flow, step);
      else {
        position = await ctx.commit((tx, settle) => advance(tx, ctx, run, flow, run.stepId, settle));
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
