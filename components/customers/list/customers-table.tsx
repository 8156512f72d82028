"use client";

import type { SortingState } from "@tanstack/react-table";
import { SearchX, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { CUSTOMER_SORTS, type CustomerListQuery, type CustomerSort } from "@/lib/customers/schemas";
import { BulkBar } from "./bulk-bar";
import { ColumnChooser, useVisibleColumns } from "./column-chooser";
import { useCustomerColumns, type Selection } from "./columns";
import { CustomerFilters } from "./customer-filters";
import { ExportButton } from "./export-button";
import { ImportDialog } from "./import-dialog";
import type { CustomerRefs } from "./refs";
import { useCustomerListQuery, useCustomers, type CustomerPage } from "./use-customer-list";
import { activeFilterCount, DEFAULT_SORT } from "./url-state";

const isSort = (id: string): id is CustomerSort => (CUSTOMER_SORTS as readonly string[]).includes(id);

interface CustomersTableProps {
  initial: { query: CustomerListQuery; data: CustomerPage };
  refs: CustomerRefs;
  customFields: CustomFieldDefinition[];
  /** a viewer is not invited to add, select or import customers */
  canWrite: boolean;
}

/** The selected customers' ids; kept across pages, cleared by a filter change or after an action. */
function useSelection(): Selection & { clear: () => void } {
  const [ids, setIds] = useState<Set<number>>(new Set());
  const toggle = useCallback((id: number, on: boolean) => {
    setIds((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const setPage = useCallback((page: number[], on: boolean) => {
    setIds((prev) => {
      const next = new Set(prev);
      for (const id of page) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const clear = useCallback(() => setIds(new Set()), []);
  return useMemo(() => ({ ids, toggle, setPage, clear }), [ids, toggle, setPage, clear]);
}

/** The customers list: filters over a server-paged, server-sorted table, all of it in the URL. */
export function CustomersTable({ initial, refs, customFields, canWrite }: CustomersTableProps) {
  const t = useTranslations("customers.list");
  const router = useRouter();
  const { errorText } = useErrorText();
  const { query, setQuery: setListQuery } = useCustomerListQuery();
  const customers = useCustomers(query, initial);
  const selection = useSelection();
  const { visible, toggle } = useVisibleColumns();
  const data = customers.data;
  const cols = useCustomerColumns(data?.items ?? [], visible, canWrite ? selection : null);

  const { clear } = selection;
  // a different view is a different set of customers: the selection does not carry over
  const setQuery: typeof setListQuery = useCallback(
    (changes, opts) => {
      if (!(Object.keys(changes).length === 1 && "page" in changes)) clear();
      setListQuery(changes, opts);
    },
    [setListQuery, clear],
  );

  // the default order (newest first) shows no arrow; any other sort shows on its column
  const sorting: SortingState =
    query.sort === DEFAULT_SORT.sort && query.order === DEFAULT_SORT.order ? [] : [{ id: query.sort, desc: query.order === "desc" }];
  const onSortingChange = (next: SortingState) => {
    const s = next[0];
    setQuery(s && isSort(s.id) ? { sort: s.id, order: s.desc ? "desc" : "asc" } : { ...DEFAULT_SORT });
  };

  const filtered = activeFilterCount(query) > 0;
  const pages = data ? Math.max(1, data.totalPages) : 1;
  // `?page=999` of a 12-page list: say so and offer the last page, instead of "24,951–300 of 300"
  const pastEnd = data !== undefined && data.total > 0 && query.page > pages;

  let empty: ReactNode;
  if (pastEnd) {
    empty = (
      <EmptyState
        title={t("pastEnd", { page: query.page, pages })}
        action={
          <Button variant="outline" size="sm" onClick={() => setQuery({ page: pages }, { resetPage: false })}>
            {t("lastPage")}
          </Button>
        }
        className="border-0 py-6"
      />
    );
  } else if (filtered) {
    empty = <EmptyState icon={SearchX} title={t("noMatch")} description={t("noMatchHint")} className="border-0 py-6" />;
  } else {
    empty = <EmptyState icon={UsersRound} title={t("noneYet")} description={canWrite ? t("noneYetWriter") : t("noneYetReader")} className="border-0 py-6" />;
  }

  return (
    <>
      <CustomerFilters
        query={query}
        refs={refs}
        onChange={setQuery}
        actions={
          <>
            <ExportButton query={query} />
            {canWrite && <ImportDialog customFields={customFields} />}
            <ColumnChooser visible={visible} onToggle={toggle} />
          </>
        }
      />
      {canWrite && selection.ids.size > 0 && <BulkBar ids={[...selection.ids]} owners={refs.owners} onDone={clear} />}
      {customers.isError && !data ? (
        <EmptyState title={t("loadFailed")} description={errorText(customers.error)} />
      ) : (
        <DataTable
          columns={cols}
          data={pastEnd ? [] : (data?.items ?? [])}
          getRowId={(c) => String(c.id)}
          isLoading={customers.isPending}
          isFetching={customers.isFetching}
          sorting={sorting}
          onSortingChange={onSortingChange}
          onRowClick={(c) => router.push(`/customers/${c.id}`)}
          empty={empty}
          pagination={
            pastEnd
              ? undefined
              : {
                  page: query.page,
                  pageSize: query.pageSize,
                  total: data?.total ?? 0,
                  onPageChange: (page) => setQuery({ page }, { resetPage: false }),
                  onPageSizeChange: (pageSize) => setQuery({ pageSize }),
                  pageSizeOptions: [10, 25, 50, 100],
                }
          }
        />
      )}
    </>
  );
}
