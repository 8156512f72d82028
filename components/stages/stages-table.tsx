"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Layers } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ApiNameHeader } from "@/components/settings/id-header";
import { SettingsTable } from "@/components/settings/settings-table";
import type { Stage } from "@/lib/stages/schemas";
import { StageDialog } from "./stage-dialog";
import { useDeleteStage, useStages } from "./use-stages";

/** The stage list carries no usage counts: a stage in use is refused by the server, inside the confirmation. */
export function StagesTable({ initialData, canWrite }: { initialData: Stage[]; canWrite: boolean }) {
  const t = useTranslations("stages");
  const tc = useTranslations("common");
  const stages = useStages(initialData);
  const { mutateAsync: deleteStage } = useDeleteStage();

  const columns = useMemo<ColumnDef<Stage>[]>(
    () => [
      { accessorKey: "sort", header: tc("order"), meta: { className: "w-24 tabular-nums" } },
      { accessorKey: "name", header: tc("name"), cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      {
        accessorKey: "id",
        header: () => <ApiNameHeader label={t("columns.id")} apiName="stageId" />,
        cell: ({ getValue }) => <span className="font-mono text-xs text-muted-foreground">{getValue<number>()}</span>,
      },
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
        deleteDescription: () => t("deleteDescription"),
        deletedMessage: (s) => t("deleted", { name: s.name }),
        onDelete: deleteStage,
      }}
    />
  );
}
