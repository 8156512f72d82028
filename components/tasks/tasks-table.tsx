"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ClipboardList } from "lucide-react";
import { useMemo } from "react";
import { RowActions } from "@/components/settings/row-actions";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import type { Task } from "@/lib/tasks/schemas";
import { TaskDialog } from "./task-dialog";
import { useDeleteTask, useTasks, type TaskList } from "./use-tasks";

interface TasksTableProps {
  initialData: TaskList;
  /** false for viewers: no rename or delete buttons */
  canWrite: boolean;
  timeZone: string;
}

export function TasksTable({ initialData, canWrite, timeZone }: TasksTableProps) {
  const tasks = useTasks(initialData);
  // the stable mutate function, not the mutation object: columns rebuilt on every mutation state
  // would remount the cells and close an open confirmation when the server refuses
  const { mutateAsync: deleteTask } = useDeleteTask();

  const columns = useMemo<ColumnDef<Task>[]>(() => {
    const cols: ColumnDef<Task>[] = [
      { accessorKey: "name", header: "Name", cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      { accessorKey: "id", header: "taskId", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<number>()}</span> },
      { accessorKey: "customerCount", header: "Customers", meta: { className: "text-right tabular-nums" } },
      {
        accessorKey: "createdAt",
        header: "Created",
        cell: ({ row: { original: t } }) => <span className="text-muted-foreground tabular-nums">{formatDate(t.createdAt, timeZone)}</span>,
      },
    ];
    if (!canWrite) return cols;
    cols.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: t } }) => (
        <RowActions
          name={t.name}
          editDialog={(trigger) => <TaskDialog task={t} trigger={trigger} />}
          deleteDescription={
            t.customerCount
              ? `${t.customerCount} customer(s) are worked under ${t.name}; the server refuses to delete it until they move.`
              : "No customer is worked under it. This cannot be undone."
          }
          onDelete={() => deleteTask(t.id)}
        />
      ),
    });
    return cols;
  }, [canWrite, timeZone, deleteTask]);

  return (
    <DataTable
      columns={columns}
      data={tasks.data?.items ?? []}
      getRowId={(t) => String(t.id)}
      isLoading={tasks.isPending}
      isFetching={tasks.isFetching}
      empty={
        <EmptyState
          icon={ClipboardList}
          title={tasks.isError ? "Could not load tasks" : "No tasks yet"}
          description={tasks.isError ? tasks.error.message : canWrite ? "Create the first one with “New task”." : undefined}
          className="border-0 py-6"
        />
      }
    />
  );
}
