"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Archive, Send, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { TriggerDialog } from "@/components/scenarios/trigger-panel";
import { useArchiveCustomEvent, useCustomEvents, useScenarios, type CustomEvent } from "@/components/scenarios/use-scenarios";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";

/** The custom events of the tenant: id, name, data fields, the scenarios they trigger; fire and archive for writers. */
export function CustomEventsTable({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("scenarios.customEvents");
  const ts = useTranslations("scenarios");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const list = useCustomEvents();
  const scenarios = useScenarios().data ?? [];
  const archive = useArchiveCustomEvent();

  const columns = useMemo<ColumnDef<CustomEvent>[]>(
    () => [
      { accessorKey: "id", header: t("id"), meta: { className: "w-px tabular-nums font-mono" } },
      {
        accessorKey: "name",
        header: tc("name"),
        cell: ({ row: { original: ce } }) => (
          <span className="grid gap-0.5">
            <span className="font-medium">{ce.name}</span>
            {ce.description && <span className="text-xs text-muted-foreground">{ce.description}</span>}
          </span>
        ),
      },
      {
        id: "fields",
        header: t("fields"),
        enableSorting: false,
        cell: ({ row: { original: ce } }) =>
          ce.fields.length ? (
            <span className="flex flex-wrap gap-1">
              {ce.fields.map((f) => (
                <Badge key={f.name} variant="secondary">
                  {f.name} · {t(`types.${f.type}`)}
                </Badge>
              ))}
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          ),
      },
      {
        id: "scenarios",
        header: t("usedBy"),
        accessorFn: (ce) => scenarios.filter((s) => "customEvent" in s.trigger && s.trigger.customEvent === ce.id).length,
        meta: { className: "text-right tabular-nums" },
      },
      ...(canWrite
        ? [
            {
              id: "actions",
              header: () => <span className="sr-only">{tc("actions")}</span>,
              enableSorting: false,
              meta: { className: "w-px text-right whitespace-nowrap" },
              cell: ({ row: { original: ce } }) => (
                <span className="inline-flex gap-1">
                  <TriggerDialog
                    customEvent={ce}
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`${ts("trigger.fire")} ${ce.name}`}>
                        <Send /> {ts("trigger.fire")}
                      </Button>
                    }
                  />
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${t("archive")} ${ce.name}`}>
                        <Archive /> {t("archive")}
                      </Button>
                    }
                    title={t("archiveTitle", { name: ce.name })}
                    description={t("archiveDescription", { id: ce.id })}
                    confirmLabel={t("archive")}
                    destructive
                    onConfirm={() => archive.mutateAsync(ce.id).then(() => toast.success(t("archivedToast", { name: ce.name })))}
                  />
                </span>
              ),
            } satisfies ColumnDef<CustomEvent>,
          ]
        : []),
    ],
    [t, ts, tc, canWrite, scenarios, archive],
  );

  if (list.isError)
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
  return (
    <DataTable
      columns={columns}
      data={list.data ?? []}
      getRowId={(ce) => String(ce.id)}
      isLoading={list.isPending}
      isFetching={list.isFetching}
      empty={<EmptyState icon={Zap} title={t("empty")} description={t("emptyHint")} className="border-0 py-6" />}
    />
  );
}
