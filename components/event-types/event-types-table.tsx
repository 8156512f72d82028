"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Archive, ArchiveRestore, Pencil, Search, Zap } from "lucide-react";
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
import { toast, toastError } from "@/components/ui/toast";
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
        accessorFn: (t) => t.name.toLowerCase(),
        header: "Name",
        cell: ({ row: { original: t } }) => (
          <span className="flex items-center gap-2">
            <Link href={`/event-types/${t.id}`} className="font-medium hover:underline">
              {t.name}
            </Link>
            {t.archived && <Badge variant="muted">Archived</Badge>}
          </span>
        ),
      },
      {
        accessorKey: "eventKey",
        header: "Event key",
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span>,
      },
      {
        id: "stage",
        accessorFn: (t) => t.stage?.name ?? "",
        header: "Stage",
        cell: ({ row: { original: t } }) => t.stage?.name ?? <span className="text-muted-foreground">—</span>,
      },
      {
        id: "category",
        accessorFn: (t) => t.category?.name ?? "",
        header: "Category",
        cell: ({ row: { original: t } }) => t.category?.name ?? <span className="text-muted-foreground">Ungrouped</span>,
      },
      {
        accessorKey: "rating",
        header: "Rating",
        meta: { className: "text-right tabular-nums" },
        cell: ({ row: { original: t } }) => t.rating ?? <span className="text-muted-foreground">—</span>,
      },
      {
        accessorKey: "isInteract",
        header: "Interactive",
        cell: ({ row: { original: t } }) => (t.isInteract ? <Badge variant="success">Yes</Badge> : <Badge variant="muted">No</Badge>),
      },
      {
        id: "attributes",
        accessorFn: (t) => t.attributes.length,
        header: "Attributes",
        meta: { className: "text-right tabular-nums" },
      },
      ...(canWrite ? [actionsColumn()] : []),
    ],
    // the mutations' functions are stable; their pending flags are what changes the cells
    [canWrite, archive.isPending, restore.isPending],
  );

  function actionsColumn(): ColumnDef<EventType> {
    return {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: t } }) =>
        t.archived ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={restore.isPending}
            onClick={() =>
              restore.mutate(t.id, { onSuccess: () => toast.success(`${t.name} is restored`), onError: (e) => toastError(e) })
            }
          >
            <ArchiveRestore /> Restore
          </Button>
        ) : (
          <span className="inline-flex gap-1">
            <Button asChild variant="ghost" size="sm">
              <Link href={`/event-types/${t.id}`} aria-label={`Edit ${t.name}`}>
                <Pencil /> Edit
              </Link>
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Archive ${t.name}`}>
                  <Archive /> Archive
                </Button>
              }
              title={`Archive ${t.name}?`}
              description={`“${t.eventKey}” leaves the lists here and in the events API, and new events of this type are refused. Recorded events keep it; you can restore it later.`}
              confirmLabel="Archive"
              destructive
              onConfirm={() =>
                archive.mutateAsync(t.id).then(
                  () => toast.success(`${t.name} is archived`),
                  (e: unknown) => {
                    toastError(e);
                    throw e;
                  },
                )
              }
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
            aria-label="Search event types"
            placeholder="Search by name or key…"
            className="pl-8"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="flex items-center gap-2">
          <Switch id="show-archived" checked={archived} onCheckedChange={(on) => update({ archived: on ? "1" : null })} />
          <Label htmlFor="show-archived">Show archived</Label>
        </div>
      </div>
      {list.isError ? (
        <EmptyState
          title="Could not load event types"
          description={list.error.message}
          action={
            <Button variant="outline" onClick={() => list.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <DataTable
          columns={columns}
          data={rows}
          getRowId={(t) => String(t.id)}
          isLoading={list.isPending}
          isFetching={list.isFetching}
          empty={
            filtered ? (
              <EmptyState title="No event type matches" description="Try another name or key." className="border-0 py-6" />
            ) : (
              <EmptyState
                icon={Zap}
                title="No event types yet"
                description={canWrite ? "Create the first one with “New event type”." : "An editor has not defined any yet."}
                className="border-0 py-6"
              />
            )
          }
        />
      )}
    </div>
  );
}
