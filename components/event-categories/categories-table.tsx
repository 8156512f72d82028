"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ListTree } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { RowActions } from "@/components/settings/row-actions";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { EventCategory } from "@/lib/event-categories/schemas";
import { CategoryDialog } from "./category-dialog";
import { useDeleteEventCategory, useEventCategories } from "./use-event-categories";

export function CategoriesTable({ initialData, canWrite }: { initialData: EventCategory[]; canWrite: boolean }) {
  const categories = useEventCategories(initialData);
  const remove = useDeleteEventCategory();

  const columns = useMemo<ColumnDef<EventCategory>[]>(() => {
    const base: ColumnDef<EventCategory>[] = [
      { accessorKey: "sort", header: "Order", meta: { className: "w-24 tabular-nums" } },
      { accessorKey: "name", header: "Name", cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      { accessorKey: "code", header: "Code", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span> },
      { accessorKey: "eventTypeCount", header: "Event types", meta: { className: "text-right tabular-nums" } },
    ];
    if (!canWrite) return base;
    return [
      ...base,
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        meta: { className: "w-px text-right whitespace-nowrap" },
        cell: ({ row: { original: c } }) => (
          <RowActions
            name={c.name}
            editLabel="Edit"
            editDialog={(trigger) => <CategoryDialog category={c} trigger={trigger} />}
            deleteTitle={`Delete category ${c.name}?`}
            deleteDescription={
              c.eventTypeCount > 0
                ? `Its ${c.eventTypeCount} event type${c.eventTypeCount === 1 ? "" : "s"} will become ungrouped.`
                : "No event type uses it."
            }
            deletedMessage={`Category ${c.name} is deleted`}
            onDelete={() => remove.mutateAsync(c.id)}
          />
        ),
      },
    ];
    // `remove.mutateAsync` is stable across renders
  }, [canWrite]);

  if (categories.isError) {
    return (
      <EmptyState
        title="Could not load categories"
        description={categories.error.message}
        action={
          <Button variant="outline" onClick={() => categories.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  return (
    <DataTable
      columns={columns}
      data={categories.data ?? []}
      getRowId={(c) => String(c.id)}
      isLoading={categories.isPending}
      isFetching={categories.isFetching}
      empty={<EmptyState icon={ListTree} title="No categories yet" description="Event types without one are listed as ungrouped." className="border-0 py-6" />}
    />
  );
}
