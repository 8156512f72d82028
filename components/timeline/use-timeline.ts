"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/query-keys";
import type { TimelineKind } from "@/lib/feeds/schemas";
import type { TimelinePage } from "@/lib/feeds/timeline";
import { fetchJson } from "@/lib/http/fetch-json";

export interface TimelineFilters {
  kind?: TimelineKind;
  eventTypeId?: number;
  /** yyyy-MM-dd, in the tenant's time zone */
  from?: string;
  to?: string;
  /** "hide" leaves the scenario runs out when no kind is chosen */
  automation?: "hide";
}

export const PAGE_SIZE = 20;

/** The customer's merged timeline, page by page (keyset cursor); keyed under the customer's detail. */
export function useTimeline(customerId: number, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: [...customerKeys.feeds(customerId), "timeline", filters],
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams({ limit: String(PAGE_SIZE) });
      for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") qs.set(k, String(v));
      if (pageParam) qs.set("cursor", pageParam);
      return fetchJson<TimelinePage>(`/api/customers/${customerId}/feeds?${qs}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
