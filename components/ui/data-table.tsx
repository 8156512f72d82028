"use client";

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Pagination, type PaginationProps } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

declare module "@tanstack/react-table" {
  // The generic names must match the library's declaration for the merge to apply.
  interface ColumnMeta<TData extends RowData, TValue> {
    /** classes for this column's <td> and <th> (width, alignment) */
    className?: string;
  }
}

export interface DataTableProps<TData, TValue> {
  columns: ColumnDef<TData, TValue>[];
  /** the rows to show: the current page when `pagination` is given, else all of them */
  data: TData[];
  getRowId?: (row: TData) => string;
  /** first load: skeleton rows instead of data */
  isLoading?: boolean;
  /** a background refetch: the rows dim but stay */
  isFetching?: boolean;
  /** shown in place of the rows when there are none */
  empty?: ReactNode;
  /**
   * Server-side paging. Omit it to show every row of `data`.
   * `page` is 1-based; `total` is the count of all rows on the server.
   */
  pagination?: Omit<PaginationProps, "className">;
  /**
   * Server-side sorting: pass both to control it (the table then does not sort `data` itself, and only
   * columns with `enableSorting: true` are sortable). Omit both to sort the rows in the browser.
   */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  onRowClick?: (row: TData) => void;
  className?: string;
}

/** The console's table: @tanstack/react-table with server-side paging and sorting by props. */
export function DataTable<TData, TValue>({
  columns,
  data,
  getRowId,
  isLoading,
  isFetching,
  empty,
  pagination,
  sorting: controlledSorting,
  onSortingChange,
  onRowClick,
  className,
}: DataTableProps<TData, TValue>) {
  const t = useTranslations("common");
  const serverSorting = onSortingChange !== undefined;
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const sorting = serverSorting ? (controlledSorting ?? []) : localSorting;

  // react-table is not compatible with the React Compiler's memoisation; this project does not enable it.
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      if (serverSorting) onSortingChange(next);
      else setLocalSorting(next);
    },
    manualSorting: serverSorting,
    manualPagination: true,
    enableMultiSort: false,
    sortDescFirst: false,
    defaultColumn: serverSorting ? { enableSorting: false } : undefined,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: serverSorting ? undefined : getSortedRowModel(),
  });

  const columnCount = table.getVisibleLeafColumns().length;
  const rows = table.getRowModel().rows;
  const skeletonRows = Math.min(pagination?.pageSize ?? 5, 10);

  return (
    <div className={cn("space-y-3", className)}>
      <div className="rounded-lg border bg-card">
        <Table aria-busy={isLoading || isFetching || undefined}>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <TableHead
                      key={header.id}
                      className={header.column.columnDef.meta?.className}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="-ml-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
                        >
                          {label}
                          {sorted === "asc" ? (
                            <ArrowUp className="size-3.5" />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="size-3.5" />
                          ) : (
                            <ChevronsUpDown className="size-3.5 opacity-40" />
                          )}
                        </button>
                      ) : (
                        label
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody className={cn(isFetching && !isLoading && "opacity-60 transition-opacity")}>
            {isLoading ? (
              Array.from({ length: skeletonRows }, (_, i) => (
                <TableRow key={`skeleton-${i}`} className="hover:bg-transparent">
                  {Array.from({ length: columnCount }, (_, j) => (
                    <TableCell key={j}>
                      <Skeleton className="h-4 w-full max-w-40" />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            ) : rows.length === 0 ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={columnCount} className="h-28 text-center text-muted-foreground">
                  {empty ?? t("nothingHere")}
                </TableCell>
              </TableRow>
            ) : (
              rows.map((row) => (
                <TableRow
                  key={row.id}
                  data-state={row.getIsSelected() ? "selected" : undefined}
                  className={cn(onRowClick && "cursor-pointer")}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      {pagination && <Pagination {...pagination} />}
    </div>
  );
}
