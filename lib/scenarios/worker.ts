import { Params, sqlInstant } from "@/lib/db/sql";
import { db } from "@/lib/db/client";
import { DAY } from "@/lib/jobs/clock";
import { JOB_KINDS, JOB_STATUS } from "@/lib/jobs/constants";
import { Worker, type WorkerOptions } from "@/lib/jobs/worker";
import { RUN_STATUS } from "./constants";
import { scenarioStepHandler } from "./engine";
import { FANOUT_HANDLERS } from "./fanout";

/** The worker with the automation's handlers and retention pruning (scripts/worker.ts runs one). */

/** How many steps a worker process holds at once unless WORKER_CONCURRENCY says otherwise. */
export const DEFAULT_CONCURRENCY = 128;

export const RETENTION_DAYS = Number(process.env.CDP_RETENTION_DAYS ?? 30);
const PRUNE_BATCH = 1000;

/**
 * Deletes finished runs (their step logs cascade) and ended jobs older than the retention period,
 * in batches of PRUNE_BATCH so no transaction holds the write lock long. Returns what it deleted.
 */
export async function pruneFinished(now: Date, retentionDays = RETENTION_DAYS): Promise<{ runs: number; jobs: number; fanOuts: number }> {
  const cutoff = sqlInstant(new Date(now.getTime() - retentionDays * DAY));
  const out = { runs: 0, jobs: 0, fanOuts: 0 };
  let p = new Params();
  const runWhere = `"status" IN (${p.list([RUN_STATUS.completed, RUN_STATUS.failed, RUN_STATUS.cancelled])}) AND "finishedAt" < ${p.add(cutoff)}`;
  out.runs = await countingBatch("ScenarioRun", runWhere, p.values);
  p = new Params();
  out.jobs = await countingBatch("Job", `"status" IN (${p.list([JOB_STATUS.done, JOB_STATUS.dead, JOB_STATUS.cancelled])}) AND "updatedAt" < ${p.add(cutoff)}`, p.values);
  p = new Params();
  out.fanOuts = await countingBatch("ScenarioFanOut", `"status" <> ${p.add("pending")} AND "finishedAt" < ${p.add(cutoff)}`, p.values);
  return out;
}

async function countingBatch(table: string, where: string, values: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "id" IN (SELECT "id" FROM "${table}" WHERE ${where} LIMIT ${PRUNE_BATCH})`, ...values);
    total += n;
    if (n < PRUNE_BATCH) return total;
    await new Promise((r) => setImmediate(r));
  }
}

export const AUTOMATION_HANDLERS = {
  [JOB_KINDS.scenarioStep]: scenarioStepHandler,
  ...FANOUT_HANDLERS,
};

export function createAutomationWorker(opts: Partial<WorkerOptions> = {}): Worker {
  return new Worker({
    // steps at once: most wait on a webhook's receiver, not on this process (set-based internal
    // steps and batched webhook statements keep the database's share small)
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? DEFAULT_CONCURRENCY),
    pollMs: Number(process.env.CDP_WORKER_POLL_MS ?? 500),
    handlers: AUTOMATION_HANDLERS,
    maintenance: (now) => pruneFinished(now),
    ...opts,
  });
}
