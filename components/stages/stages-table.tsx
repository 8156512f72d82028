"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Layers } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ApiNameHeader } from "@/components/settings/id-header";
import { SettingsTable } from "@/components/settings/settings-table";
import type { StageWithUsage } from "@/lib/stages/schemas";
import { StageDialog } from "./stage-dialog";
import { useDeleteStage, useStagesWithUsage } from "./use-stages";

/** A stage an event type or a customer uses says so up front and offers no Delete button. */
export function StagesTable({ initialData, canWrite }: { initialData: StageWithUsage[]; canWrite: boolean }) {
  const t = useTranslations("stages");
  const tc = useTranslations("common");
  const stages = useStagesWithUsage(initialData);
  const { mutateAsync: deleteStage } = useDeleteStage();

  const columns = useMemo<ColumnDef<StageWithUsage>[]>(
    () => [
      { accessorKey: "sort", header: tc("order"), meta: { className: "w-24 tabular-nums" } },
      { accessorKey: "name", header: tc("name"), cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      {
        accessorKey: "id",
        header: () => <ApiNameHeader label={t("columns.id")} apiName="stageId" />,
        cell: ({ getValue }) => <span className="font-mono text-xs text-muted-foreground">{getValue<number>()}</span>,
      },
      { accessorKey: "eventTypeCount", header: t("columns.eventTypes"), meta: { className: "text-right tabular-nums" } },
      { accessorKey: "customerCount", header: tc("customers"), meta: { className: "text-right tabular-nums" } },
    ],
    [t, tc],
  );

  return (
    <SettingsTable
      query={stages}
      columns={columns}
      canWrite={canWrite}
      icon={Layers}
      messages={{ empty: t("empty"), emptyHint: t("emptyHint"), loadFailed: t("loadFailed") }}
      row={{
        editDialog: (s, trigger) => <StageDialog stage={s} trigger={trigger} />,
        editLabel: tc("edit"),
        deleteTitle: (s) => t("deleteTitle", { name: s.name }),
        deleteDescription: () => t("deleteFree"),
        inUse: (s) =>
          s.eventTypeCount || s.customerCount
            ? t("inUse", { name: s.name, eventTypes: s.eventTypeCount, customers: s.customerCount })
            : undefined,
        deletedMessage: (s) => t("deleted", { name: s.name }),
        onDelete: deleteStage,
      }}
    />
  );
}
