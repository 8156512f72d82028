"use client";

import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { SearchX, UsersRound } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { CUSTOMER_SORTS, type CustomerListQuery, type CustomerSort } from "@/lib/customers/schemas";
import type { CustomerRow } from "@/lib/customers/serializers";
import { CustomerFilters } from "./customer-filters";
import type { CustomerRefs } from "./refs";
import { useCustomerListQuery, useCustomers, type CustomerPage } from "./use-customer-list";
import { activeFilterCount, DEFAULT_SORT } from "./url-state";

const none = <span className="text-muted-foreground">—</span>;
const MAX_LABELS = 3;

function columns(timeZone: string): ColumnDef<CustomerRow>[] {
  return [
    {
      id: "name",
      // react-table offers sorting only on columns with an accessor; the server does the sorting
      accessorFn: (c) => c.name,
      header: "Name",
      enableSorting: true,
      cell: ({ row: { original: c } }) => (
        <div className="grid min-w-0">
          <Link href={`/customers/${c.id}`} className="truncate font-medium hover:underline" onClick={(e) => e.stopPropagation()}>
            {c.name}
          </Link>
          {(c.companyName || c.email) && <span className="truncate text-xs text-muted-foreground">{c.companyName ?? c.email}</span>}
        </div>
      ),
    },
    {
      id: "phones",
      header: "Phones",
      cell: ({ row: { original: c } }) =>
        c.phones.length === 0 ? (
          none
        ) : (
          <div className="grid font-mono text-xs">
            {c.phones.slice(0, 2).map((p) => (
              <span key={p.id}>{p.number}</span>
            ))}
            {c.phones.length > 2 && <span className="text-muted-foreground">+{c.phones.length - 2} more</span>}
          </div>
        ),
    },
    { id: "stage", header: "Stage", cell: ({ row: { original: c } }) => (c.stage ? <Badge variant="secondary">{c.stage.name}</Badge> : none) },
    {
      id: "score",
      accessorFn: (c) => c.score,
      header: "Score",
      enableSorting: true,
      meta: { className: "text-right w-20" },
      cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.score}</span>,
    },
    {
      id: "owner",
      header: "Owner",
      cell: ({ row: { original: c } }) =>
        c.owner ? (
          <span className="whitespace-nowrap">
            {c.owner.name} <span className="font-mono text-xs text-muted-foreground">{c.owner.loginNo}</span>
          </span>
        ) : (
          none
        ),
    },
    { id: "type", header: "Type", cell: ({ row: { original: c } }) => c.type?.name ?? none },
    {
      id: "labels",
      header: "Labels",
      cell: ({ row: { original: c } }) =>
        c.labels.length === 0 ? (
          none
        ) : (
          <div className="flex flex-wrap gap-1">
            {c.labels.slice(0, MAX_LABELS).map((l) => (
              <Badge key={l.id} variant="outline">
                {l.name}
              </Badge>
            ))}
            {c.labels.length > MAX_LABELS && <Badge variant="muted">+{c.labels.length - MAX_LABELS}</Badge>}
          </div>
        ),
    },
    {
      id: "updatedAt",
      accessorFn: (c) => c.updatedAt,
      header: "Updated",
      enableSorting: true,
      meta: { className: "w-36" },
      cell: ({ row: { original: c } }) => (
        <span className="whitespace-nowrap text-muted-foreground tabular-nums">{formatDateTime(c.updatedAt, timeZone)}</span>
      ),
    },
  ];
}

const isSort = (id: string): id is CustomerSort => (CUSTOMER_SORTS as readonly string[]).includes(id);

interface CustomersTableProps {
  initial: { query: CustomerListQuery; data: CustomerPage };
  refs: CustomerRefs;
  timeZone: string;
  /** a viewer is not invited to add customers */
  canWrite: boolean;
}

/** The customers list: filters over a server-paged, server-sorted table, all of it in the URL. */
export function CustomersTable({ initial, refs, timeZone, canWrite }: CustomersTableProps) {
  const router = useRouter();
  const { query, setQuery } = useCustomerListQuery();
  const customers = useCustomers(query, initial);
  const cols = useMemo(() => columns(timeZone), [timeZone]);

  // the default order (newest first) shows no arrow; any other sort shows on its column
  const sorting: SortingState =
    query.sort === DEFAULT_SORT.sort && query.order === DEFAULT_SORT.order ? [] : [{ id: query.sort, desc: query.order === "desc" }];
  const onSortingChange = (next: SortingState) => {
    const s = next[0];
    setQuery(s && isSort(s.id) ? { sort: s.id, order: s.desc ? "desc" : "asc" } : { ...DEFAULT_SORT });
  };

  const filtered = activeFilterCount(query) > 0;
  const data = customers.data;

  return (
    <>
      <CustomerFilters query={query} refs={refs} onChange={setQuery} />
      {customers.isError && !data ? (
        <EmptyState title="Could not load customers" description={customers.error.message} />
      ) : (
        <DataTable
          columns={cols}
          data={data?.items ?? []}
          getRowId={(c) => String(c.id)}
          isLoading={customers.isPending}
          isFetching={customers.isFetching}
          sorting={sorting}
          onSortingChange={onSortingChange}
          onRowClick={(c) => router.push(`/customers/${c.id}`)}
          empty={
            data && data.total > 0 ? (
              <EmptyState
                title="This page is past the end of the list"
                action={
                  <Button variant="outline" size="sm" onClick={() => setQuery({ page: 1 }, { resetPage: false })}>
                    Go to the first page
                  </Button>
                }
                className="border-0 py-6"
              />
            ) : filtered ? (
              <EmptyState icon={SearchX} title="No customer matches" description="Try another search, or clear the filters." className="border-0 py-6" />
            ) : (
              <EmptyState
                icon={UsersRound}
                title="No customers yet"
                description={canWrite ? "They arrive through the API, or add one with “New customer”." : "They arrive through the API."}
                className="border-0 py-6"
              />
            )
          }
          pagination={{
            page: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            onPageChange: (page) => setQuery({ page }, { resetPage: false }),
            onPageSizeChange: (pageSize) => setQuery({ pageSize }),
            pageSizeOptions: [10, 25, 50, 100],
          }}
        />
      )}
    </>
  );
}
