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
