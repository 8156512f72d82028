"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Archive, ArchiveRestore, Pencil, Search, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { toast } from "@/components/ui/toast";
import type { EventType } from "@/lib/event-types/schemas";
import { useArchiveEventType, useEventTypes, useRestoreEventType } from "./use-event-types";

const SEARCH_DELAY_MS = 300;

/** `?q=` and `?archived=1` in the URL, so a reload or a shared link shows the same rows. */
function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const q = params.get("q") ?? "";
  const archived = params.get("archived") === "1";
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }
  return { q, archived, update };
}

export function EventTypesTable({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("eventTypes");
  const tc = useTranslations("common");
  const { errorText, toastError } = useErrorText();
  const { q, archived, update } = useListParams();
  const [text, setText] = useState(q);
  // the last ?q= this box wrote: any other change of the URL (back, a link) comes from outside
  const written = useRef(q);

  useEffect(() => {
    if (q === written.current) return;
    written.current = q;
    setText(q);
  }, [q]);

  // debounce: the URL (and with it the query) follows the box once typing pauses
  useEffect(() => {
    const next = text.trim();
    if (next === q) return;
    const timer = setTimeout(() => {
      written.current = next;
      update({ q: next });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // `update` changes with every URL change; only the typed text should restart the timer
  }, [text, q]);

  const list = useEventTypes({ search: q || undefined, includeArchived: archived || undefined });
  const archive = useArchiveEventType();
  const restore = useRestoreEventType();

  const columns = useMemo<ColumnDef<EventType>[]>(
    () => [
      {
        id: "name",
        accessorFn: (type) => type.name.toLowerCase(),
        header: t("columns.name"),
        // at 390 px the cells share little room: names and keys keep a readable width
        meta: { className: "min-w-36" },
        cell: ({ row: { original: type } }) => (
          <span className="flex items-center gap-2">
            <Link href={`/event-types/${type.id}`} className="font-medium hover:underline">
              {type.name}
            </Link>
            {type.archived && <Badge variant="muted">{t("archived")}</Badge>}
          </span>
        ),
      },
      {
        accessorKey: "eventKey",
        header: t("columns.eventKey"),
        meta: { className: "whitespace-nowrap" },
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span>,
      },
      {
        id: "stage",
        accessorFn: (type) => type.stage?.name ?? "",
        header: t("columns.stage"),
        meta: { className: "whitespace-nowrap" },
        cell: ({ row: { original: type } }) => type.stage?.name ?? <span className="text-muted-foreground">—</span>,
      },
      {
        id: "category",
        accessorFn: (type) => type.category?.name ?? "",
        header: t("columns.category"),
        meta: { className: "whitespace-nowrap" },
        cell: ({ row: { original: type } }) => type.category?.name ?? <span className="text-muted-foreground">{t("ungrouped")}</span>,
      },
      {
        accessorKey: "rating",
        header: t("columns.rating"),
        meta: { className: "text-right tabular-nums" },
        cell: ({ row: { original: type } }) => type.rating ?? <span className="text-muted-foreground">—</span>,
      },
      {
        accessorKey: "isInteract",
        header: t("columns.interactive"),
        meta: { className: "whitespace-nowrap" },
        cell: ({ row: { original: type } }) => (type.isInteract ? <Badge variant="success">{t("yes")}</Badge> : <Badge variant="muted">{t("no")}</Badge>),
      },
      {
        id: "attributes",
        accessorFn: (type) => type.attributes.length,
        header: t("columns.attributes"),
        meta: { className: "text-right tabular-nums" },
      },
      ...(canWrite ? [actionsColumn()] : []),
    ],
    // the mutations' functions are stable; their pending flags are what changes the cells
    [canWrite, archive.isPending, restore.isPending, t],
  );

  function actionsColumn(): ColumnDef<EventType> {
    return {
      id: "actions",
      header: () => <span className="sr-only">{tc("actions")}</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: type } }) =>
        type.archived ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={restore.isPending}
            onClick={() =>
              restore.mutate(type.id, { onSuccess: () => toast.success(t("restoredToast", { name: type.name })), onError: (e) => toastError(e) })
            }
          >
            <ArchiveRestore /> {t("restore")}
          </Button>
        ) : (
          <span className="inline-flex gap-1">
            <Button asChild variant="ghost" size="sm">
              <Link href={`/event-types/${type.id}`} aria-label={`${t("edit")} ${type.name}`}>
                <Pencil /> {t("edit")}
              </Link>
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${t("archive")} ${type.name}`}>
                  <Archive /> {t("archive")}
                </Button>
              }
              title={t("archiveTitle", { name: type.name })}
              description={t("archiveDescription", { key: type.eventKey })}
              confirmLabel={t("archive")}
              destructive
              onConfirm={() => archive.mutateAsync(type.id).then(() => toast.success(t("archivedToast", { name: type.name })))}
            />
          </span>
        ),
    };
  }

  const rows = list.data ?? [];
  const filtered = q !== "" || archived;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            type="search"
            aria-label={t("search")}
            placeholder={t("searchHint")}
            className="pl-8"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="flex items-center gap-2">
          <Switch id="show-archived" checked={archived} onCheckedChange={(on) => update({ archived: on ? "1" : null })} />
          <Label htmlFor="show-archived">{t("showArchived")}</Label>
        </div>
      </div>
      {list.isError ? (
        <EmptyState
          title={t("loadFailed")}
          description={errorText(list.error)}
          action={
            <Button variant="outline" onClick={() => list.refetch()}>
              {tc("retry")}
            </Button>
          }
        />
      ) : (
        <DataTable
          columns={columns}
          data={rows}
          getRowId={(type) => String(type.id)}
          isLoading={list.isPending}
          isFetching={list.isFetching}
          empty={
            filtered ? (
              <EmptyState title={t("noMatch")} description={t("noMatchHint")} className="border-0 py-6" />
            ) : (
              <EmptyState
                icon={Zap}
                title={t("empty")}
                description={canWrite ? t("emptyHintWriter") : t("emptyHintReader")}
                className="border-0 py-6"
              />
            )
          }
        />
      )}
    </div>
  );
}
