import type { ListEventTypesQuery } from "./schemas";

/** react-query keys of the event-types domain; invalidate `eventTypeKeys.all` after any change. */
export const eventTypeKeys = {
  all: ["event-types"] as const,
  lists: () => [...eventTypeKeys.all, "list"] as const,
  list: (query: ListEventTypesQuery = {}) => [...eventTypeKeys.lists(), query] as const,
  details: () => [...eventTypeKeys.all, "detail"] as const,
  detail: (id: number) => [...eventTypeKeys.details(), id] as const,
};
