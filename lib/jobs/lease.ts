import { randomUUID } from "node:crypto";
import { currentProvider, Params, sqlInstant } from "@/lib/db/sql";
import type { DbOrTx } from "@/lib/db/client";
import { JOB_STATUS } from "./constants";
import { StaleLease } from "./faults";

/**
 * Leases on Job rows. A claim gives each job a fresh lock token (the fencing token) and an expiry;
 * every write the holder makes afterwards names the token, so a worker whose lease was taken over
 * changes nothing (its transaction is rolled back). PostgreSQL claims with FOR UPDATE SKIP LOCKED,
 * so any number of workers share the table; SQLite's BEGIN IMMEDIATE serialises its one worker.
 */

export interface ClaimedJob {
  id: number;
  tenantId: number | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  takeovers: number;
  /** the fencing token of this claim */
  token: string;
}

interface Row {
  id: number | bigint;
  tenantId: number | null;
  kind: string;
  payload: unknown;
  attempts: number | bigint;
  maxAttempts: number | bigint;
  takeovers: number | bigint;
}

const parsePayload = (p: unknown): Record<string, unknown> => (typeof p === "string" ? JSON.parse(p) : ((p ?? {}) as Record<string, unknown>));

/**
 * Claims up to `limit` jobs that are due (pending, runAt ≤ now) or whose lease expired (running,
 * lockedUntil < now; a takeover counts). Runs as its own statement: the claim commits at once.
 */
export async function claimJobs(db: DbOrTx, workerId: string, now: Date, leaseMs: number, limit: number, kinds?: readonly string[]): Promise<ClaimedJob[]> {
  const token = `${workerId}:${randomUUID()}`;
  const p = new Params();
  const instant = sqlInstant(now);
  const at = () => p.add(instant);
  const pg = currentProvider() === "postgresql";
  // (parameters are positional on SQLite: each is added where it appears in the text)
  const kindFilter = () => (kinds?.length ? `AND "kind" IN (${p.list(kinds)})` : "");
  const rows = await db.$queryRawUnsafe<Row[]>(
    `UPDATE "Job" SET "status" = ${p.add(JOB_STATUS.running)}, "lockToken" = ${p.add(token)}, "lockedBy" = ${p.add(workerId)},
       "lockedAt" = ${at()}, "lockedUntil" = ${p.add(sqlInstant(new Date(now.getTime() + leaseMs)))}, "updatedAt" = ${at()},
       "takeovers" = "takeovers" + CASE WHEN "status" = ${p.add(JOB_STATUS.running)} THEN 1 ELSE 0 END
     WHERE "id" IN (
       SELECT "id" FROM "Job"
       WHERE (("status" = ${p.add(JOB_STATUS.pending)} AND "runAt" <= ${at()}) OR ("status" = ${p.add(JOB_STATUS.running)} AND "lockedUntil" < ${at()})) ${kindFilter()}
       ORDER BY "runAt" LIMIT ${Math.max(1, Math.floor(limit))} ${pg ? "FOR UPDATE SKIP LOCKED" : ""})
     RETURNING "id", "tenantId", "kind", "payload", "attempts", "maxAttempts", "takeovers"`,
    ...p.values,
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      tenantId: r.tenantId === null ? null : Number(r.tenantId),
      kind: r.kind,
      payload: parsePayload(r.payload),
      attempts: Number(r.attempts),
      maxAttempts: Number(r.maxAttempts),
      takeovers: Number(r.takeovers),
      token,
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * The first statement of every transaction a lease holder commits: proves the lease is still this
 * worker's (and, on PostgreSQL, locks the row so no takeover can slip in before the commit).
 * Throws StaleLease otherwise, which rolls the transaction back.
 */
export async function fence(tx: DbOrTx, job: ClaimedJob, now: Date): Promise<void> {
  const p = new Params();
  const n = await tx.$executeRawUnsafe(
    `UPDATE "Job" SET "updatedAt" = ${p.add(sqlInstant(now))} WHERE "id" = ${p.add(job.id)} AND "lockToken" = ${p.add(job.token)} AND "status" = ${p.add(JOB_STATUS.running)}`,
    ...p.values,
  );
  if (n !== 1) throw new StaleLease(job.id);
}

/** `("lockToken" = ? AND "id" IN (…)) OR …`: these claims, by their tokens (a claim's jobs share one). */
function heldBy(p: Params, jobs: readonly ClaimedJob[]): string {
  const byToken = new Map<string, number[]>();
  for (const j of jobs) byToken.set(j.token, [...(byToken.get(j.token) ?? []), j.id]);
  return [...byToken].map(([token, ids]) => `("lockToken" = ${p.add(token)} AND "id" IN (${ids.sort((a, b) => a - b).join(", ")}))`).join(" OR ");
}

/**
 * `fence` for many jobs in one statement (group commit): returns the ids whose lease is still this
 * worker's; the caller leaves the others out of its transaction (their commit is refused).
 */
export async function fenceMany(tx: DbOrTx, jobs: readonly ClaimedJob[], now: Date): Promise<Set<number>> {
  if (!jobs.length) return new Set();
  const p = new Params();
  const rows = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `UPDATE "Job" SET "updatedAt" = ${p.add(sqlInstant(now))} WHERE "status" = ${p.add(JOB_STATUS.running)} AND (${heldBy(p, jobs)}) RETURNING "id"`,
    ...p.values,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** `settle` for many jobs ending the same way (done, dead, cancelled), in one statement. */
export async function settleMany(tx: DbOrTx, jobs: readonly ClaimedJob[], now: Date, status: "done" | "dead" | "cancelled"): Promise<void> {
  if (!jobs.length) return;
  const p = new Params();
  const n = await tx.$executeRawUnsafe(
    `UPDATE "Job" SET "status" = ${p.add(status)}, "lockToken" = NULL, "lockedUntil" = NULL, "liveKey" = NULL, "updatedAt" = ${p.add(sqlInstant(now))}
     WHERE "status" = ${p.add(JOB_STATUS.running)} AND (${heldBy(p, jobs)})`,
    ...p.values,
  );
  if (n !== jobs.length) throw new StaleLease(jobs[0].id);
}

/** Extends the lease; false when it is no longer this worker's. */
export async function heartbeat(db: DbOrTx, job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
  const p = new Params();
  const n = await db.$executeRawUnsafe(
    `UPDATE "Job" SET "lockedUntil" = ${p.add(sqlInstant(new Date(now.getTime() + leaseMs)))}
     WHERE "id" = ${p.add(job.id)} AND "lockToken" = ${p.add(job.token)} AND "status" = ${p.add(JOB_STATUS.running)}`,
    ...p.values,
  );
  return n === 1;
}

type End = { status: "done" | "dead" | "cancelled"; error?: string | null } | { status: "pending"; runAt: Date; attempts?: number; error?: string | null } | { status: "held" };

/**
 * Ends this claim (fenced): done/dead/cancelled free the job's key; pending puts it back for later
 * (a wait, a retry) with its lease dropped; held sets it aside while its scenario is paused.
 */
export async function settle(tx: DbOrTx, job: ClaimedJob, now: Date, end: End): Promise<void> {
  const p = new Params();
  const sets = [`"status" = ${p.add(end.status)}`, `"lockToken" = NULL`, `"lockedUntil" = NULL`, `"updatedAt" = ${p.add(sqlInstant(now))}`];
  if (end.status === "done" || end.status === "dead" || end.status === "cancelled") sets.push(`"liveKey" = NULL`);
  if (end.status === "pending") {
    sets.push(`"runAt" = ${p.add(sqlInstant(end.runAt))}`);
    if (end.attempts !== undefined) sets.push(`"attempts" = ${p.add(end.attempts)}`);
  }
  if ("error" in end && end.error !== undefined) sets.push(`"lastError" = ${p.add(end.error)}`);
  const n = await tx.$executeRawUnsafe(
    `UPDATE "Job" SET ${sets.join(", ")} WHERE "id" = ${p.add(job.id)} AND "lockToken" = ${p.add(job.token)} AND "status" = ${p.add(JOB_STATUS.running)}`,
    ...p.values,
  );
  if (n !== 1) throw new StaleLease(job.id);
}

/** Gives claimed jobs back untouched (graceful shutdown before they started). */
export async function release(db: DbOrTx, jobs: readonly ClaimedJob[], now: Date): Promise<number> {
  let n = 0;
  for (const job of jobs) {
    const p = new Params();
    n += await db.$executeRawUnsafe(
      `UPDATE "Job" SET "status" = ${p.add(JOB_STATUS.pending)}, "lockToken" = NULL, "lockedUntil" = NULL, "updatedAt" = ${p.add(sqlInstant(now))}
       WHERE "id" = ${p.add(job.id)} AND "lockToken" = ${p.add(job.token)} AND "status" = ${p.add(JOB_STATUS.running)}`,
      ...p.values,
    );
  }
  return n;
}
