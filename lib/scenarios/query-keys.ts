/** react-query keys of the scenarios domain (scenarios, their runs, custom events); invalidate `scenarioKeys.all` after any change. */
export const scenarioKeys = {
  all: ["scenarios"] as const,
  list: () => [...scenarioKeys.all, "list"] as const,
  detail: (id: number) => [...scenarioKeys.all, "detail", id] as const,
  runs: (id: number, page: number) => [...scenarioKeys.all, "runs", id, page] as const,
  waiting: (id: number) => [...scenarioKeys.all, "waiting", id] as const,
  run: (runId: number) => [...scenarioKeys.all, "run", runId] as const,
  customerRuns: (customerId: number) => [...scenarioKeys.all, "customer", customerId] as const,
  customEvents: () => [...scenarioKeys.all, "custom-events"] as const,
};
