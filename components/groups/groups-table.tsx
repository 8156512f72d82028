"use client";

import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { Pencil, Search, SearchX, Tags, Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { CONSOLE_GROUP_SORTS, type ConsoleGroupSort, type GroupListQueryParams } from "@/lib/groups/console";
import type { GroupDto } from "@/lib/groups/serializers";
import { DeleteGroupDialog, RenameGroupDialog } from "./group-dialogs";
import { useGroupList, type GroupPage } from "./use-groups";
import { DEFAULT_GROUP_SORT, groupQueryFromParams, paramsFromGroupQuery } from "./url-state";

type Row = GroupDto & { memberCount?: number };

const isSort = (id: string): id is ConsoleGroupSort => (CONSOLE_GROUP_SORTS as readonly string[]).includes(id);

/** The groups list: search, server-side paging and sorting, all in the URL; rename and delete for writers. */
export function GroupsTable({ initial, canWrite }: { initial: { query: GroupListQueryParams; data: GroupPage }; canWrite: boolean }) {
  const t = useTranslations("groups");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const dates = useDates();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = useMemo(() => groupQueryFromParams(params), [params]);
  const setQuery = useCallback(
    (changes: Partial<GroupListQueryParams>, { resetPage = true } = {}) => {
      const s = paramsFromGroupQuery({ ...query, ...(resetPage ? { page: 1 } : {}), ...changes }).toString();
      window.history.pushState(null, "", s ? `${pathname}?${s}` : pathname);
    },
    [pathname, query],
  );
  const groups = useGroupList(query, initial);

  // the search box follows the URL (back/forward) and writes to it after a pause
  const [text, setText] = useState(query.q ?? "");
  useEffect(() => setText(query.q ?? ""), [query.q]);
  useEffect(() => {
    if (text.trim() === (query.q ?? "")) return;
    const timer = setTimeout(() => setQuery({ q: text.trim() || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, query.q, setQuery]);

  const columns = useMemo<ColumnDef<Row>[]>(() => {
    const cols: ColumnDef<Row>[] = [
      {
        id: "name",
        accessorFn: (g) => g.name,
        header: t("columns.name"),
        enableSorting: true,
        cell: ({ row: { original: g } }) => (
          <Link href={`/groups/${g.id}`} className="font-medium hover:underline" onClick={(e) => e.stopPropagation()}>
            {g.name}
          </Link>
        ),
      },
      {
        id: "members",
        header: t("columns.members"),
        meta: { className: "w-28 text-right" },
        cell: ({ row: { original: g } }) => <span className="tabular-nums">{dates.number(g.memberCount ?? 0)}</span>,
      },
      {
        id: "createdAt",
        accessorFn: (g) => g.createdAt,
        header: t("columns.created"),
        enableSorting: true,
        meta: { className: "w-40" },
        cell: ({ row: { original: g } }) => <span className="whitespace-nowrap text-muted-foreground tabular-nums">{dates.dateTime(g.createdAt)}</span>,
      },
      {
        id: "updatedAt",
        accessorFn: (g) => g.updatedAt,
        header: t("columns.updated"),
        enableSorting: true,
        meta: { className: "w-40" },
        cell: ({ row: { original: g } }) => <span className="whitespace-nowrap text-muted-foreground tabular-nums">{dates.dateTime(g.updatedAt)}</span>,
      },
    ];
    if (canWrite) {
      cols.push({
        id: "actions",
        header: () => <span className="sr-only">{tc("actions")}</span>,
        meta: { className: "w-px text-right whitespace-nowrap" },
        cell: ({ row: { original: g } }) => (
          <div className="flex justify-end gap-1" onClick={(e) => e.stopPropagation()}>
            <RenameGroupDialog
              group={g}
              trigger={
                <Button variant="ghost" size="sm" aria-label={`${tc("rename")} ${g.name}`}>
                  <Pencil /> {tc("rename")}
                </Button>
              }
            />
            <DeleteGroupDialog
              group={g}
              trigger={
                <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${tc("delete")} ${g.name}`}>
                  <Trash2 /> {tc("delete")}
                </Button>
              }
            />
          </div>
        ),
      });
    }
    return cols;
  }, [t, tc, dates, canWrite]);

  const sorting: SortingState =
    query.sort === DEFAULT_GROUP_SORT.sort && query.order === DEFAULT_GROUP_SORT.order ? [] : [{ id: query.sort, desc: query.order === "desc" }];
  const data = groups.data;

  return (
    <div className="space-y-3">
      <div className="relative max-w-xs">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t("searchPlaceholder")} aria-label={t("searchPlaceholder")} className="pl-8" />
      </div>
      {groups.isError && !data ? (
        <EmptyState title={t("loadFailed")} description={errorText(groups.error)} />
      ) : (
        <DataTable
          columns={columns}
          data={data?.items ?? []}
          getRowId={(g) => String(g.id)}
          isLoading={groups.isPending}
          isFetching={groups.isFetching}
          sorting={sorting}
          onSortingChange={(next) => {
            const s = next[0];
            setQuery(s && isSort(s.id) ? { sort: s.id, order: s.desc ? "desc" : "asc" } : { ...DEFAULT_GROUP_SORT });
          }}
          onRowClick={(g) => router.push(`/groups/${g.id}`)}
          empty={
            query.q ? (
              <EmptyState icon={SearchX} title={t("noMatch")} description={t("noMatchHint")} className="border-0 py-6" />
            ) : (
              <EmptyState icon={Tags} title={t("empty")} description={canWrite ? t("emptyHint") : undefined} className="border-0 py-6" />
            )
          }
          pagination={{
            page: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            onPageChange: (page) => setQuery({ page }, { resetPage: false }),
            onPageSizeChange: (pageSize) => setQuery({ pageSize }),
            pageSizeOptions: [10, 20, 50, 100],
          }}
        />
      )}
    </div>
  );
}
