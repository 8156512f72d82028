/** Scenario and run vocabulary (docs/AUTOMATION.md); code names these, never the literals. */

export const SCENARIO_STATUS = { draft: "draft", active: "active", paused: "paused", archived: "archived" } as const;
export type ScenarioStatus = (typeof SCENARIO_STATUS)[keyof typeof SCENARIO_STATUS];

export const TRIGGER_KIND = { customEvent: "custom_event", eventType: "event_type" } as const;
export type TriggerKind = (typeof TRIGGER_KIND)[keyof typeof TRIGGER_KIND];

export const RUN_STATUS = {
  queued: "queued",
  running: "running",
  waiting: "waiting",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
} as const;
export type RunStatus = (typeof RUN_STATUS)[keyof typeof RUN_STATUS];

/** Runs that have not finished: cancelling a customer's runs cancels these. */
export const UNFINISHED_RUN_STATUSES: readonly RunStatus[] = [RUN_STATUS.queued, RUN_STATUS.running, RUN_STATUS.waiting];

/** The de-duplication key of a run's step job: one live step job per run. */
export const runJobKey = (runId: number | bigint) => `run:${runId}`;

/** The trigger key of a run started by a recorded customer event. */
export const eventTriggerKey = (eventId: number | bigint) => `event:${eventId}`;

/** How a step of a run ended, as the run history shows it. */
export const STEP_OUTCOME = { waiting: "waiting", retrying: "retrying", done: "done", failed: "failed" } as const;
export type StepOutcome = (typeof STEP_OUTCOME)[keyof typeof STEP_OUTCOME];

/** A run started by a scenario's own recorded event deeper than this is failed (loop guard). */
export const MAX_TRIGGER_DEPTH = 10;

/** Why a run failed when no domain reason names it (the run's `error` starts with one of these). */
export const RUN_FAILURE = {
  loopDepth: "loop_depth_exceeded",
  takenOver: "taken_over_too_often",
  webhook: "webhook_failed",
  internal: "internal",
} as const;

/** The idempotency key (eventId) of an event recorded by a run's step; it carries the depth. */
export const scenarioEventKey = (depth: number, runId: number, stepId: string) => `scn:${depth}:${runId}:${stepId}`;
export function depthOfEventKey(key: string | null | undefined): number {
  const m = key?.match(/^scn:(\d+):/);
  return m ? Number(m[1]) : 0;
}
