/**
 * The durable job queue's vocabulary (docs/AUTOMATION.md, "The worker"). Everything that writes or
 * reads the Job table names kinds and statuses through these, never as literals.
 */

/** What a job does; the worker dispatches on it. */
export const JOB_KINDS = {
  /** do the next step of a scenario run; payload {runId} */
  scenarioStep: "scenario.step",
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
} as const;
export type JobStatus = (typeof JOB_STATUS)[keyof typeof JOB_STATUS];

/** Statuses in which a job still holds its de-duplication key (Job.liveKey). */
export const LIVE_JOB_STATUSES: readonly JobStatus[] = [JOB_STATUS.pending, JOB_STATUS.running];

export const DEFAULT_MAX_ATTEMPTS = 5;
