/** react-query keys of lifecycle stages; invalidate `stageKeys.all` after any change. */
export const stageKeys = {
  all: ["stages"] as const,
  list: () => [...stageKeys.all, "list"] as const,
  /** the settings list, with usage counts */
  withUsage: () => [...stageKeys.all, "withUsage"] as const,
  detail: (id: number) => [...stageKeys.all, "detail", id] as const,
};
