/** react-query keys of the segments domain; invalidate `segmentKeys.all` after any change. */
export const segmentKeys = {
  all: ["segments"] as const,
  list: () => [...segmentKeys.all, "list"] as const,
  detail: (id: number) => [...segmentKeys.all, "detail", id] as const,
  /** the live builder's count and first members for a rule being edited */
  preview: (rules: unknown) => [...segmentKeys.all, "preview", rules] as const,
};
