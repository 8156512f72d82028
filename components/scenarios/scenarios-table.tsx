"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Workflow } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Sparkline } from "./sparkline";
import { StatusBadge } from "./status-badge";
import { useCustomEvents, useScenarios, type ScenarioItem } from "./use-scenarios";

const COUNTS = ["entered", "active", "waiting", "completed", "failed"] as const;

/** Every scenario with its state, its runs by status and entries per day over 30 days. */
export function ScenariosTable({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("scenarios");
  const tc = useTranslations("common");
  const { number, dateTime } = useDates();
  const { errorText } = useErrorText();
  const list = useScenarios();
  const customEvents = useCustomEvents().data ?? [];

  const columns = useMemo<ColumnDef<ScenarioItem>[]>(
    () => [
      {
        id: "name",
        accessorFn: (s) => s.name.toLowerCase(),
        header: t("columns.name"),
        meta: { className: "min-w-40" },
        cell: ({ row: { original: s } }) => (
          <span className="grid gap-0.5">
            <Link href={`/scenarios/${s.id}`} className="font-medium hover:underline">
              {s.name}
            </Link>
            <span className="text-xs text-muted-foreground">
              {"customEvent" in s.trigger
                ? t("triggerCustom", { name: customEvents.find((c) => c.id === (s.trigger as { customEvent: number }).customEvent)?.name ?? String(s.trigger.customEvent) })
                : t("triggerEvent", { key: s.trigger.eventType })}
            </span>
          </span>
        ),
      },
      {
        accessorKey: "status",
        header: t("columns.status"),
        cell: ({ row: { original: s } }) => <StatusBadge kind="scenario" value={s.status} />,
      },
      ...COUNTS.map(
        (c): ColumnDef<ScenarioItem> => ({
          id: c,
          accessorFn: (s) => s.counts[c],
          header: t(`counts.${c}`),
          meta: { className: "text-right tabular-nums" },
          cell: ({ getValue }) => <span data-count={c}>{number(getValue<number>())}</span>,
        }),
      ),
      {
        id: "entries",
        header: t("columns.entries"),
        enableSorting: false,
        cell: ({ row: { original: s } }) => (
          <Sparkline data={s.entriesPerDay} label={t("sparklineLabel", { count: s.entriesPerDay.reduce((n, d) => n + d.entries, 0) })} />
        ),
      },
      {
        id: "updatedAt",
        accessorFn: (s) => s.updatedAt,
        header: t("columns.updatedAt"),
        meta: { className: "whitespace-nowrap text-muted-foreground" },
        cell: ({ row: { original: s } }) => dateTime(s.updatedAt),
      },
    ],
    [t, number, dateTime, customEvents],
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
      getRowId={(s) => String(s.id)}
      isLoading={list.isPending}
      isFetching={list.isFetching}
      empty={<EmptyState icon={Workflow} title={t("empty")} description={canWrite ? t("emptyHintWriter") : t("emptyHintReader")} className="border-0 py-6" />}
    />
  );
}
