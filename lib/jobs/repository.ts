import type { DbOrTx } from "@/lib/db/client";
import { chunk, MAX_PARAMS, Params, sqlInstant } from "@/lib/db/sql";
import { DEFAULT_MAX_ATTEMPTS, JOB_STATUS, LIVE_JOB_STATUSES, type JobKind } from "./constants";

/**
 * The queue's writes, always inside the caller's transaction: a job exists exactly when whatever
 * caused it committed. Raw multi-row SQL (shared by SQLite and PostgreSQL) because ingestion enqueues
 * many jobs per flush.
 */

export interface NewJob {
  kind: JobKind;
  tenantId: number | null;
  payload: unknown;
  runAt: Date;
  /** de-duplication key: while a job with this key is pending or running, another is not added */
  key?: string | null;
  maxAttempts?: number;
}

/**
 * Enqueues jobs. A job whose key a live job already holds is skipped (ON CONFLICT on liveKey).
 * Returns how many were added.
 */
export async function enqueue(tx: DbOrTx, jobs: NewJob | readonly NewJob[], now = new Date()): Promise<number> {
  const list = Array.isArray(jobs) ? (jobs as readonly NewJob[]) : [jobs as NewJob];
  let added = 0;
  const at = sqlInstant(now);
  for (const part of chunk(list, Math.floor(MAX_PARAMS / 8))) {
    const p = new Params();
    const values = part.map(
      (j) =>
        `(${p.add(j.tenantId)}, ${p.add(j.kind)}, ${p.add(JSON.stringify(j.payload ?? null))}, ${p.add(j.key)}, ${p.add(j.key)}, ` +
        `${p.add(sqlInstant(j.runAt))}, ${p.add(JOB_STATUS.pending)}, 0, ${p.add(j.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)}, ${p.add(at)}, ${p.add(at)})`,
    );
    added += await tx.$executeRawUnsafe(
      `INSERT INTO "Job" ("tenantId", "kind", "payload", "key", "liveKey", "runAt", "status", "attempts", "maxAttempts", "createdAt", "updatedAt")
       VALUES ${values.join(", ")} ON CONFLICT ("liveKey") DO NOTHING`,
      ...p.values,
    );
  }
  return added;
}

/** Cancels the live jobs holding these keys (their keys are freed). Returns how many. */
export async function cancelJobsByKey(tx: DbOrTx, keys: readonly string[], now = new Date()): Promise<number> {
  let n = 0;
  for (const part of chunk([...new Set(keys)], MAX_PARAMS - 4)) {
    const p = new Params();
    n += await tx.$executeRawUnsafe(
      `UPDATE "Job" SET "status" = ${p.add(JOB_STATUS.cancelled)}, "liveKey" = NULL, "updatedAt" = ${p.add(sqlInstant(now))}
       WHERE "liveKey" IN (${p.list(part)}) AND "status" IN (${p.list(LIVE_JOB_STATUSES)})`,
      ...p.values,
    );
  }
  return n;
}
