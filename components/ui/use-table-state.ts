"use client";

import type { SortingState } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export interface TableState {
  page: number;
  pageSize: number;
  sorting: SortingState;
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  setSorting: (sorting: SortingState) => void;
}

/**
 * Page, page size and sort of a server-paged DataTable, kept in the URL (`?page=2&pageSize=50&sort=createdAt&order=desc`)
 * so that a reload or a shared link shows the same rows. Feed `page`/`pageSize`/`sorting` into the
 * query key and the request; spread the setters into DataTable's props.
 */
export function useTableState({ defaultPageSize = 20 }: { defaultPageSize?: number } = {}): TableState {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = Math.max(1, Number(params.get("pageSize")) || defaultPageSize);
  const sort = params.get("sort");
  const order = params.get("order");
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort, desc: order === "desc" }] : []), [sort, order]);

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  return {
    page,
    pageSize,
    sorting,
    setPage: (p) => update({ page: p <= 1 ? null : String(p) }),
    setPageSize: (s) => update({ pageSize: s === defaultPageSize ? null : String(s), page: null }),
    setSorting: (s) =>
      update({ sort: s[0]?.id ?? null, order: s[0] ? (s[0].desc ? "desc" : "asc") : null, page: null }),
  };
}
