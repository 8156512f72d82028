import { db, type Tx } from "@/lib/db/client";
import { currentProvider, instantLiteral, intLiteral, Params } from "@/lib/db/sql";
import { GroupCommit, Loader, type BatchItem } from "@/lib/jobs/batch";
import { settle, settleMany } from "@/lib/jobs/lease";
import type { JobContext } from "@/lib/jobs/worker";
import { RUN_FAILURE, RUN_STATUS, STEP_OUTCOME } from "./constants";
import { WEBHOOK_DEFAULTS, type Step } from "./document";
import type { RunRow } from "./run-loader";
import { backoffMs, deliver } from "./webhook";

/**
 * The webhook step (docs: AUTOMATION.md): at least once, with the Idempotency-Key
 * `<run id>:<step id>` on every attempt. The attempt is counted (fenced, committed) before the
 * request, so maxAttempts holds across crashes; the outcome commits after it: done (the run moves
 * to its next step, or completes), retrying (the job comes back after the backoff with jitter,
 * never before Retry-After), or failed (the run fails with the answer's status and first 500 bytes).
 *
 * A worker holds many of these at once (they wait on the receiver, not on the CPU), so their
 * statements are shared: the attempts counted together in one fenced transaction, the customers
 * read together, the outcomes committed together (lib/jobs/batch.ts). Each job is still fenced on
 * its own lease; a job whose lease was taken over is left out of the transaction.
 */

type WebhookStep = Step & { type: "webhook" };

type Outcome =
  | { kind: "done"; status: number; next: string | null }
  | { kind: "retry"; at: Date; error: string }
  | { kind: "failed"; error: string };

const pg = () => currentProvider() === "postgresql";
/** a VALUES cell of the given PostgreSQL type (SQLite takes the value as it is) */
const cell = (sql: string, pgType: string) => (pg() ? `CAST(${sql} AS ${pgType})` : sql);

/** Counts the attempt: a new step log at attempt 1, or the next attempt (its last error cleared). Returns the attempt's number. */
const attempts = new GroupCommit<{ runId: number; stepId: string }, number>(async (tx, items, now) => {
  const p = new Params();
  const values = items.map(
    (i) => `(${intLiteral(i.input.runId)}, ${p.add(i.input.stepId)}, ${p.add("webhook")}, ${p.add(STEP_OUTCOME.retrying)}, 1, ${instantLiteral(now)})`,
  );
  const rows = await tx.$queryRawUnsafe<{ runId: number | bigint; attempts: number | bigint }[]>(
    `INSERT INTO "ScenarioRunStep" ("runId", "stepId", "type", "outcome", "attempts", "startedAt") VALUES ${values.join(", ")}
     ON CONFLICT ("runId", "stepId") DO UPDATE SET "attempts" = "ScenarioRunStep"."attempts" + 1, "outcome" = ${p.add(STEP_OUTCOME.retrying)}, "error" = NULL, "finishedAt" = NULL
     RETURNING "runId", "attempts"`,
    ...p.values,
  );
  const q = new Params();
  await tx.$executeRawUnsafe(
    `UPDATE "ScenarioRun" SET "status" = ${q.add(RUN_STATUS.running)} WHERE "id" IN (${items.map((i) => intLiteral(i.input.runId)).join(", ")}) AND "status" = ${q.add(RUN_STATUS.queued)}`,
    ...q.values,
  );
  const byRun = new Map(rows.map((r) => [Number(r.runId), Number(r.attempts)]));
  return items.map((i) => byRun.get(i.input.runId)!);
});

type OutcomeItem = BatchItem<{ runId: number; stepId: string; attempt: number; outcome: Outcome }>;

/** Commits the outcomes: the step logs, the runs (moved on, completed or failed) and the jobs' ends. */
const outcomes = new GroupCommit<OutcomeItem["input"], void>(async (tx: Tx, items, now) => {
  const finished = instantLiteral(now);
  const p = new Params(); // (positional on SQLite: each value is added where it appears in the text)
  const logs = items.map(({ input: { runId, stepId, attempt, outcome: o } }) => {
    const outcome = o.kind === "done" ? STEP_OUTCOME.done : o.kind === "retry" ? STEP_OUTCOME.retrying : STEP_OUTCOME.failed;
    const cells = [cell(intLiteral(runId), "BIGINT"), p.add(stepId), p.add(outcome), cell(intLiteral(attempt), "INTEGER")];
    cells.push(cell(o.kind === "done" ? "NULL" : p.add(o.error), "TEXT"));
    cells.push(cell(o.kind === "done" ? p.add(JSON.stringify({ status: o.status })) : "NULL", "JSONB"));
    cells.push(cell(o.kind === "retry" ? "NULL" : finished, "TIMESTAMP(3)"));
    return `(${cells.join(", ")})`;
  });
  await tx.$executeRawUnsafe(
    `UPDATE "ScenarioRunStep" SET "outcome" = v.column3, "attempts" = v.column4, "error" = v.column5, "detail" = COALESCE(v.column6, "ScenarioRunStep"."detail"), "finishedAt" = v.column7
     FROM (VALUES ${logs.join(", ")}) AS v WHERE "ScenarioRunStep"."runId" = v.column1 AND "ScenarioRunStep"."stepId" = v.column2`,
    ...p.values,
  );

  const ids = (list: OutcomeItem[]) => list.map((i) => intLiteral(i.input.runId)).join(", ");
  const completed = items.filter((i) => i.input.outcome.kind === "done" && !i.input.outcome.next);
  if (completed.length) {
    const q = new Params();
    await tx.$executeRawUnsafe(
      `UPDATE "ScenarioRun" SET "status" = ${q.add(RUN_STATUS.completed)}, "stepId" = NULL, "error" = NULL, "finishedAt" = ${finished}, "activeKey" = NULL WHERE "id" IN (${ids(completed)})`,
      ...q.values,
    );
  }
  const movedOn = new Map<string, OutcomeItem[]>();
  for (const i of items) if (i.input.outcome.kind === "done" && i.input.outcome.next) movedOn.set(i.input.outcome.next, [...(movedOn.get(i.input.outcome.next) ?? []), i]);
  for (const [next, list] of movedOn) {
    const q = new Params();
    await tx.$executeRawUnsafe(`UPDATE "ScenarioRun" SET "stepId" = ${q.add(next)}, "status" = ${q.add(RUN_STATUS.running)} WHERE "id" IN (${ids(list)})`, ...q.values);
  }
  const failed = items.filter((i) => i.input.outcome.kind === "failed");
  if (failed.length) {
    const q = new Params(); // (positional on SQLite: added in the order they appear)
    const set = `"status" = ${q.add(RUN_STATUS.failed)}, "error" = v.column2, "finishedAt" = ${finished}, "activeKey" = NULL`;
    const rows = failed.map((i) => `(${cell(intLiteral(i.input.runId), "BIGINT")}, ${q.add((i.input.outcome as { error: string }).error)})`);
    await tx.$executeRawUnsafe(
      `UPDATE "ScenarioRun" SET ${set} FROM (VALUES ${rows.join(", ")}) AS v WHERE "ScenarioRun"."id" = v.column1`,
      ...q.values,
    );
  }

  // the jobs: done when the run finished; back to pending for a retry; held on when the run moves on
  await settleMany(tx, [...completed, ...failed].map((i) => i.job), now, "done");
  for (const i of items) {
    const o = i.input.outcome;
    if (o.kind === "retry") await settle(tx, i.job, now, { status: "pending", runAt: o.at });
  }
  return items.map(() => undefined);
});

interface Recipient {
  custname: string | null;
  email: string | null;
  phones: string[];
  crmId: string | null;
}

const recipients = new Loader<number, Recipient>(async (ids) => {
  const list = ids.map(intLiteral).join(", ");
  const [rows, phones] = await Promise.all([
    db.$queryRawUnsafe<{ id: number | bigint; name: string; email: string | null; crmId: string | null }[]>(`SELECT "id", "name", "email", "crmId" FROM "Customer" WHERE "id" IN (${list})`),
    db.$queryRawUnsafe<{ customerId: number | bigint; number: string }[]>(`SELECT "customerId", "number" FROM "CustomerPhone" WHERE "customerId" IN (${list}) ORDER BY "id"`),
  ]);
  const out = new Map(rows.map((r) => [Number(r.id), { custname: r.name, email: r.email, phones: [] as string[], crmId: r.crmId }]));
  for (const ph of phones) out.get(Number(ph.customerId))?.phones.push(ph.number);
  return out;
});

/** The webhook payload of AUTOMATION.md. */
async function payloadOf(run: RunRow, stepId: string) {
  const c = await recipients.load(run.customerId);
  const t = run.context;
  const trigger =
    t.kind === "customEvent"
      ? { kind: "customEvent", customEventId: t.customEventId, dataFields: t.dataFields, at: t.at }
      : { kind: "event", eventKey: t.eventKey, attributes: t.attributes, at: t.happenTime };
  return {
    scenarioId: run.scenarioId,
    runId: run.id,
    stepId,
    customer: { id: run.customerId, custname: c?.custname ?? null, email: c?.email ?? null, phones: c?.phones ?? [], crmId: c?.crmId ?? null },
    trigger,
  };
}

/**
 * Performs the run's webhook step and commits its outcome. "continue": the run is at its next step
 * and the job still held; "parked": a retry is scheduled; "finished": the run completed or failed.
 */
export async function runWebhookStep(ctx: JobContext, run: RunRow, step: WebhookStep, next: string | null): Promise<"continue" | "parked" | "finished"> {
  const stepId = step.id!;
  const maxAttempts = step.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts;
  const attempt = await attempts.submit(ctx.job, ctx.now(), { runId: run.id, stepId });
  let outcome: Outcome;
  let made = attempt;
  if (attempt > maxAttempts) {
    // workers died mid-delivery until the attempts were used up: no more requests
    made = maxAttempts;
    outcome = { kind: "failed", error: `${RUN_FAILURE.webhook}: no answer after ${maxAttempts} attempts` };
  } else {
    ctx.point("before-effect", stepId);
    const d = await deliver(step.url, await payloadOf(run, stepId), `${run.id}:${stepId}`, step.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs, ctx.now());
    ctx.point("after-effect", stepId);
    if (d.ok) outcome = { kind: "done", status: d.status!, next };
    else {
      const error = `${RUN_FAILURE.webhook}: ${d.status ?? "no answer"} ${d.body}`.trim();
      outcome = d.retryable && attempt < maxAttempts ? { kind: "retry", at: new Date(ctx.now().getTime() + backoffMs(attempt, d.retryAfterMs)), error } : { kind: "failed", error };
    }
  }
  ctx.point("before-commit", stepId);
  await outcomes.submit(ctx.job, ctx.now(), { runId: run.id, stepId, attempt: made, outcome });
  ctx.point("after-commit", stepId);
  return outcome.kind === "done" ? (next ? "continue" : "finished") : outcome.kind === "retry" ? "parked" : "finished";
}
