"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight, Download, Search, SearchX, Trash2, UsersRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { FIRST_MEMBER_QUERY, type MemberListQuery } from "@/lib/groups/console";
import type { MemberRowDto } from "@/lib/groups/console-service";
import { AddCustomerCombobox } from "./add-customer-combobox";
import { BatchAddDialog } from "./batch-add-dialog";
import { useMembers, useRemoveMembers, type MemberPage } from "./use-groups";

const SORTS = {
  joinedDesc: { sort: "joinedAt", order: "desc" },
  joinedAsc: { sort: "joinedAt", order: "asc" },
  customerAsc: { sort: "customerId", order: "asc" },
  customerDesc: { sort: "customerId", order: "desc" },
} as const;
type SortChoice = keyof typeof SORTS;
const SORT_LABEL = { joinedDesc: "sortJoinedDesc", joinedAsc: "sortJoinedAsc", customerAsc: "sortCustomerAsc", customerDesc: "sortCustomerDesc" } as const;

/**
 * A group's members: keyset pages (Previous / Next walk a stack of cursors, never OFFSET, so the
 * millionth member costs what the first does), search by name or phone, sort, row selection to
 * remove, CSV export; adding by search or from a list for writers.
 */
export function MembersTable({ groupId, initial, canWrite }: { groupId: number; initial: MemberPage; canWrite: boolean }) {
  const t = useTranslations("groups.page");
  const { errorText } = useErrorText();
  const dates = useDates();
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  const [sortChoice, setSortChoice] = useState<SortChoice>("joinedDesc");
  // cursors[i] is the `after` of page i; page 0 has none
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const page = cursors.length - 1;

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  // a new search or order starts over on the first page, with nothing selected
  useEffect(() => {
    setCursors([undefined]);
    setSelected(new Set());
  }, [search, sortChoice]);

  const query: MemberListQuery = { ...SORTS[sortChoice], limit: 20, ...(search ? { search } : {}), ...(cursors[page] ? { after: cursors[page] } : {}) };
  const members = useMembers(groupId, query, { query: FIRST_MEMBER_QUERY, data: initial });
  const items = members.data?.items ?? [];
  const { mutateAsync: remove } = useRemoveMembers();

  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const pageIds = items.map((m) => m.customerId);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const someOnPage = pageIds.some((id) => selected.has(id));

  const columns = useMemo<ColumnDef<MemberRowDto>[]>(() => {
    const cols: ColumnDef<MemberRowDto>[] = [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row: { original: m } }) => (
          <Link href={`/customers/${m.customerId}`} className="font-medium hover:underline">
            {m.customerName}
          </Link>
        ),
      },
      {
        id: "phone",
        header: t("columns.phone"),
        cell: ({ row: { original: m } }) => <span className="font-mono text-xs">{m.phones[0] ?? "—"}</span>,
      },
      {
        id: "customerId",
        header: t("columns.customerId"),
        meta: { className: "w-32" },
        cell: ({ row: { original: m } }) => <span className="font-mono text-xs text-muted-foreground">{m.customerId}</span>,
      },
      {
        id: "joinedAt",
        header: t("columns.joinedAt"),
        meta: { className: "w-40" },
        cell: ({ row: { original: m } }) => <span className="whitespace-nowrap text-muted-foreground tabular-nums">{dates.dateTime(m.joinedAt)}</span>,
      },
    ];
    if (!canWrite) return cols;
    return [
      {
        id: "select",
        meta: { className: "w-10" },
        header: () => null,
        cell: ({ row: { original: m } }) => (
          <Checkbox
            checked={selectedRef.current.has(m.customerId)}
            onCheckedChange={(v) => toggle(m.customerId, v === true)}
            aria-label={t("select", { name: m.customerName })}
          />
        ),
      },
      ...cols,
    ];
    // the selection is read through the ref; `selected` re-creates the cells so they show it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, dates, canWrite, selected]);

  const removeCount = selected.size;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t("membersSearch")} aria-label={t("membersSearch")} className="pl-8" />
        </div>
        <NativeSelect className="w-auto" aria-label={t("sort")} value={sortChoice} onChange={(e) => setSortChoice(e.target.value as SortChoice)}>
          {(Object.keys(SORTS) as SortChoice[]).map((k) => (
            <option key={k} value={k}>
              {t(SORT_LABEL[k])}
            </option>
          ))}
        </NativeSelect>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {canWrite && <AddCustomerCombobox groupId={groupId} />}
          {canWrite && <BatchAddDialog groupId={groupId} />}
          <Button variant="outline" asChild>
            <a href={`/api/groups/${groupId}/members/export`} download>
              <Download /> {t("export")}
            </a>
          </Button>
        </div>
      </div>
      {canWrite && (
        <div className="flex min-h-9 items-center gap-3 text-sm">
          <Checkbox
            checked={allOnPage ? true : someOnPage ? "indeterminate" : false}
            onCheckedChange={(v) =>
              setSelected((prev) => {
                const next = new Set(prev);
                for (const id of pageIds) if (v === true) next.add(id);
                else next.delete(id);
                return next;
              })
            }
            aria-label={t("selectPage")}
            disabled={!pageIds.length}
          />
          {removeCount > 0 && (
            <>
              <span className="text-muted-foreground">{t("selected", { count: removeCount })}</span>
              <ConfirmDialog
                trigger={
                  <Button variant="outline" size="sm" className="text-destructive hover:text-destructive">
                    <Trash2 /> {t("removeSelected")}
                  </Button>
                }
                title={t("removeTitle", { count: removeCount })}
                description={t("removeDescription")}
                confirmLabel={t("removeSelected")}
                destructive
                onConfirm={async () => {
                  const { removed } = await remove({ groupId, customerIds: [...selected] });
                  toast.success(t("removed", { count: removed }));
                  setSelected(new Set());
                  setCursors([undefined]);
                }}
              />
            </>
          )}
        </div>
      )}
      {members.isError && !members.data ? (
        <EmptyState title={t("loadFailed")} description={errorText(members.error)} />
      ) : (
        <DataTable
          columns={columns}
          data={items}
          getRowId={(m) => String(m.id)}
          isLoading={members.isPending}
          isFetching={members.isFetching}
          empty={
            search ? (
              <EmptyState icon={SearchX} title={t("noMatch")} className="border-0 py-6" />
            ) : (
              <EmptyState icon={UsersRound} title={t("empty")} description={canWrite ? t("emptyHint") : undefined} className="border-0 py-6" />
            )
          }
        />
      )}
      <nav aria-label={t("members")} className="flex items-center justify-end gap-2 text-sm">
        <span className="text-muted-foreground tabular-nums">{t("pageNumber", { page: page + 1 })}</span>
        <Button variant="outline" size="sm" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          <ChevronLeft /> {t("previous")}
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!members.data?.next || members.isPlaceholderData}
          onClick={() => setCursors((c) => [...c, members.data?.next])}
        >
          {t("next")} <ChevronRight />
        </Button>
      </nav>
    </div>
  );
}
