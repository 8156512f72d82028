"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Layers } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { RowActions } from "@/components/settings/row-actions";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Stage } from "@/lib/stages/schemas";
import { StageDialog } from "./stage-dialog";
import { useDeleteStage, useStages } from "./use-stages";

export function StagesTable({ initialData, canWrite }: { initialData: Stage[]; canWrite: boolean }) {
  const stages = useStages(initialData);
  const remove = useDeleteStage();

  const columns = useMemo<ColumnDef<Stage>[]>(() => {
    const base: ColumnDef<Stage>[] = [
      { accessorKey: "sort", header: "Order", meta: { className: "w-24 tabular-nums" } },
      { accessorKey: "name", header: "Name", cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      {
        accessorKey: "id",
        header: "Stage id",
        cell: ({ getValue }) => <span className="font-mono text-xs text-muted-foreground">{getValue<number>()}</span>,
      },
    ];
    if (!canWrite) return base;
    return [
      ...base,
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        meta: { className: "w-px text-right whitespace-nowrap" },
        cell: ({ row: { original: s } }) => (
          <RowActions
            name={s.name}
            editLabel="Edit"
            editDialog={(trigger) => <StageDialog stage={s} trigger={trigger} />}
            deleteTitle={`Delete stage ${s.name}?`}
            deleteDescription="Only a stage no event type (archived ones included) and no customer uses can be deleted."
            deletedMessage={`Stage ${s.name} is deleted`}
            onDelete={() => remove.mutateAsync(s.id)}
          />
        ),
      },
    ];
    // `remove.mutateAsync` is stable across renders
  }, [canWrite]);

  if (stages.isError) {
    return (
      <EmptyState
        title="Could not load stages"
        description={stages.error.message}
        action={
          <Button variant="outline" onClick={() => stages.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  return (
    <DataTable
      columns={columns}
      data={stages.data ?? []}
      getRowId={(s) => String(s.id)}
      isLoading={stages.isPending}
      isFetching={stages.isFetching}
      empty={<EmptyState icon={Layers} title="No stages yet" description="Event types need a stage to move customers to." className="border-0 py-6" />}
    />
  );
}
