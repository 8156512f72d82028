"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { customerKeys } from "@/lib/customers/query-keys";
import type { CustomerListQuery } from "@/lib/customers/schemas";
import type { Paged } from "@/lib/customers/list";
import type { CustomerRow } from "@/lib/customers/serializers";
import { fetchJson } from "@/lib/http/fetch-json";
import { paramsFromQuery, queryFromParams } from "./url-state";

export type CustomerPage = Paged<CustomerRow>;

/**
 * The list query from the URL, and a setter that pushes a new history entry. It uses the native
 * history.pushState, which Next's router syncs into useSearchParams without a server round trip,
 * so a filter change costs one JSON request, and back/forward step through the views.
 */
export function useCustomerListQuery() {
  const pathname = usePathname();
  const params = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);

  const setQuery = useCallback(
    (changes: Partial<CustomerListQuery>, { resetPage = true }: { resetPage?: boolean } = {}) => {
      const next = { ...query, ...(resetPage ? { page: 1 } : {}), ...changes };
      const qs = paramsFromQuery(next).toString();
      window.history.pushState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname, query],
  );

  return { query, setQuery };
}

/** One page of customers from GET /api/customers; the previous page stays on screen while the next loads. */
export function useCustomers(query: CustomerListQuery, initial?: { query: CustomerListQuery; data: CustomerPage }) {
  const search = paramsFromQuery(query).toString();
  const isInitial = initial !== undefined && paramsFromQuery(initial.query).toString() === search;
  return useQuery({
    queryKey: customerKeys.list(query),
    queryFn: () => fetchJson<CustomerPage>(`/api/customers${search ? `?${search}` : ""}`),
    initialData: isInitial ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
