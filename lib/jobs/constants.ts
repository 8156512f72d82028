/**
 * The durable job queue's vocabulary (docs/AUTOMATION.md, "The worker"). Everything that writes or
 * reads the Job table names kinds and statuses through these, never as literals.
 */

/** What a job does; the worker dispatches on it. */
export const JOB_KINDS = {
  /** do the next step of a scenario run; payload {runId} */
  scenarioStep: "scenario.step",
  /** walk a withsegments trigger's segments, handing out chunks of customers; payload {fanOutId} */
  scenarioFanOut: "scenario.fanout",
  /** one chunk of a fan-out: the union's customers in (after, through] into runs; payload {fanOutId, after, through} */
  scenarioFanOutChunk: "scenario.fanout.chunk",
} as const;
export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

export const JOB_STATUS = {
  pending: "pending",
  running: "running",
  done: "done",
  /** failed for good (attempts exhausted, or taken over too often) */
  dead: "dead",
  /** withdrawn before it ran (e.g. its run was cancelled) */
  cancelled: "cancelled",
  /** set aside while its scenario is paused; resuming makes it pending again (keeps its key) */
  held: "held",
} as const;
export type JobStatus = (typeof JOB_STATUS)[keyof typeof JOB_STATUS];

/** Statuses in which a job still holds its de-duplication key (Job.liveKey). */
export const LIVE_JOB_STATUSES: readonly JobStatus[] = [JOB_STATUS.pending, JOB_STATUS.running, JOB_STATUS.held];

export const DEFAULT_MAX_ATTEMPTS = 5;

/** A lease lasts this long unless its holder heartbeats; an expired lease may be taken over. */
export const DEFAULT_LEASE_MS = Number(process.env.WORKER_LEASE_MS ?? 30_000);
/** A job whose lease was taken over more often than this is dead (its run failed, and shown). */
export const MAX_TAKEOVERS = 3;
/** The PostgreSQL channel that wakes workers when a job is queued. */
export const NOTIFY_CHANNEL = "cdp_jobs";
