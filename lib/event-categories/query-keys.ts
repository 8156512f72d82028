/**
 * react-query keys of event categories; invalidate `eventCategoryKeys.all` after any change (and
 * `eventTypeKeys.all` after a delete, which ungroups event types).
 */
export const eventCategoryKeys = {
  all: ["event-categories"] as const,
  list: () => [...eventCategoryKeys.all, "list"] as const,
  detail: (id: number) => [...eventCategoryKeys.all, "detail", id] as const,
};
