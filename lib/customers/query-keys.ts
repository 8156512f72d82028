import type { CustomerListQuery } from "./schemas";

/**
 * react-query keys of customers. Invalidate `customerKeys.all` after any write; `lists()` after a
 * create or delete; `detail(id)` and `feeds(id)` after an update or a new feed item.
 */
export const customerKeys = {
  all: ["customers"] as const,
  lists: () => [...customerKeys.all, "list"] as const,
  list: (query: Partial<CustomerListQuery>) => [...customerKeys.lists(), query] as const,
  details: () => [...customerKeys.all, "detail"] as const,
  detail: (id: number) => [...customerKeys.details(), id] as const,
  feeds: (id: number) => [...customerKeys.detail(id), "feeds"] as const,
  feed: (id: number, kind?: string) => [...customerKeys.feeds(id), kind ?? "all"] as const,
};
