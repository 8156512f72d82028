"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Copy, Filter, Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useRef } from "react";
import { z } from "zod";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { NameDialog } from "@/components/settings/name-dialog";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { createSegmentSchema } from "@/lib/segments/schemas";
import { useDeleteSegment, useDuplicateSegment, useSegments, useUpdateSegment, type SegmentWithCount } from "./use-segments";

const renameSchema = z.object({ name: createSegmentSchema.shape.name });

/** The segments: name, live count, last change; rename, duplicate and delete for writers. */
export function SegmentsTable({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("segments");
  const tc = useTranslations("common");
  const { date, dateTime, number } = useDates();
  const { errorText, toastError } = useErrorText();
  const list = useSegments();
  const update = useUpdateSegment();
  const duplicate = useDuplicateSegment();
  const remove = useDeleteSegment();
  // the actions cell reads the mutations by ref: a new cell function per render would remount an open dialog
  const m = useRef({ update, duplicate, remove });
  m.current = { update, duplicate, remove };

  const columns = useMemo<ColumnDef<SegmentWithCount>[]>(
    () => [
      {
        id: "name",
        accessorFn: (s) => s.name.toLowerCase(),
        header: t("columns.name"),
        meta: { className: "min-w-40" },
        cell: ({ row: { original: s } }) => (
          <div>
            <Link href={`/segments/${s.id}`} className="font-medium hover:underline">
              {s.name}
            </Link>
            {s.description && <p className="line-clamp-1 text-xs text-muted-foreground">{s.description}</p>}
          </div>
        ),
      },
      {
        id: "count",
        accessorFn: (s) => s.count ?? -1,
        header: t("columns.count"),
        meta: { className: "text-right tabular-nums" },
        cell: ({ row: { original: s } }) =>
          s.count === null ? <span className="text-muted-foreground" title={t("countUnavailable")}>—</span> : <span data-testid="segment-row-count">{number(s.count)}</span>,
      },
      {
        id: "updated",
        accessorFn: (s) => s.updatedAt,
        header: t("columns.updated"),
        meta: { className: "whitespace-nowrap" },
        cell: ({ row: { original: s } }) => <span title={dateTime(s.updatedAt)}>{date(s.updatedAt)}</span>,
      },
      ...(canWrite
        ? [
            {
              id: "actions",
              header: () => <span className="sr-only">{tc("actions")}</span>,
              enableSorting: false,
              meta: { className: "w-px text-right whitespace-nowrap" },
              cell: ({ row: { original: s } }) => (
                <span className="inline-flex gap-1">
                  <NameDialog
                    schema={renameSchema}
                    current={{ id: s.id, name: s.name }}
                    save={({ name }) => m.current.update.mutateAsync({ id: s.id, name })}
                    title={t("renameTitle")}
                    description={t("renameDescription")}
                    submitLabel={tc("rename")}
                    savedMessage={(name) => t("renamedToast", { name })}
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`${tc("rename")} ${s.name}`}>
                        <Pencil /> {tc("rename")}
                      </Button>
                    }
                  />
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`${t("duplicate")} ${s.name}`}
                    onClick={() =>
                      m.current.duplicate.mutate(s.id, {
                        onSuccess: (copy) => toast.success(t("duplicatedToast", { name: copy.name })),
                        onError: (e) => toastError(e),
                      })
                    }
                  >
                    <Copy /> {t("duplicate")}
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${tc("delete")} ${s.name}`}>
                        <Trash2 /> {tc("delete")}
                      </Button>
                    }
                    title={t("deleteTitle", { name: s.name })}
                    description={t("deleteDescription")}
                    confirmLabel={tc("delete")}
                    destructive
                    onConfirm={() => m.current.remove.mutateAsync(s.id).then(() => toast.success(t("deletedToast", { name: s.name })))}
                  />
                </span>
              ),
            } satisfies ColumnDef<SegmentWithCount>,
          ]
        : []),
    ],
    [canWrite, t, tc, date, dateTime, number, toastError],
  );

  if (list.isError) {
    return (
      <EmptyState
        title={t("loadFailed")}
        description={errorText(list.error)}
        action={
          <Button variant="outline" onClick={() => list.refetch()}>
            {tc("retry")}
          </Button>
        }
      />
    );
  }
  return (
    <DataTable
      columns={columns}
      data={list.data ?? []}
      getRowId={(s) => String(s.id)}
      isLoading={list.isPending}
      isFetching={list.isFetching}
      empty={<EmptyState icon={Filter} title={t("empty")} description={canWrite ? t("emptyHintWriter") : t("emptyHintReader")} className="border-0 py-6" />}
    />
  );
}
