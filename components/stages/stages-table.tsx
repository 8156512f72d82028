"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Layers, Pencil, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast, toastError } from "@/components/ui/toast";
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
          <span className="inline-flex gap-1">
            <StageDialog
              stage={s}
              trigger={
                <Button variant="ghost" size="sm" aria-label={`Edit ${s.name}`}>
                  <Pencil /> Edit
                </Button>
              }
            />
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Delete ${s.name}`}>
                  <Trash2 /> Delete
                </Button>
              }
              title={`Delete stage ${s.name}?`}
              description="Only a stage no event type (archived ones included) and no customer uses can be deleted."
              confirmLabel="Delete"
              destructive
              onConfirm={() =>
                remove.mutateAsync(s.id).then(
                  () => toast.success(`Stage ${s.name} is deleted`),
                  (e: unknown) => {
                    toastError(e);
                    throw e;
                  },
                )
              }
            />
          </span>
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
