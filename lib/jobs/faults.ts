/**
 * Fault injection for tests: the worker calls `hooks.at(point)` at every point of a job's life
 * (claimed, before and after an effect, before the commit, after the commit). A hook that throws a
 * `Crash` makes the worker drop the job on the spot, as if its process had died: no release, no
 * error recorded; the lease simply expires and another worker takes over.
 */
export type FaultPoint = "claimed" | "before-effect" | "after-effect" | "before-commit" | "after-commit";

export interface FaultHooks {
  at(point: FaultPoint, info: { jobId: number; step?: string }): void;
}

export class Crash extends Error {
  constructor(point: string) {
    super(`simulated crash at ${point}`);
    this.name = "Crash";
  }
}

/** A stale worker's commit was refused: its lease was taken over (fencing token changed). */
export class StaleLease extends Error {
  constructor(jobId: number) {
    super(`job ${jobId}: the lease was taken over; this worker's work is discarded`);
    this.name = "StaleLease";
  }
}
