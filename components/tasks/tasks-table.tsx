"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ClipboardList } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { ApiNameHeader } from "@/components/settings/id-header";
import { SettingsTable } from "@/components/settings/settings-table";
import type { Task } from "@/lib/tasks/schemas";
import { TaskDialog } from "./task-dialog";
import { useDeleteTask, useTasks, type TaskList } from "./use-tasks";

export function TasksTable({ initialData, canWrite }: { initialData: TaskList; canWrite: boolean }) {
  const t = useTranslations("tasks");
  const tc = useTranslations("common");
  const dates = useDates();
  const tasks = useTasks(initialData);
  const { mutateAsync: deleteTask } = useDeleteTask();

  const columns = useMemo<ColumnDef<Task>[]>(
    () => [
      { accessorKey: "name", header: tc("name"), cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      {
        accessorKey: "id",
        header: () => <ApiNameHeader label={t("columns.id")} apiName="taskId" />,
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<number>()}</span>,
      },
      { accessorKey: "customerCount", header: tc("customers"), meta: { className: "text-right tabular-nums" } },
      {
        accessorKey: "createdAt",
        header: tc("created"),
        cell: ({ row: { original: task } }) => <span className="text-muted-foreground tabular-nums">{dates.date(task.createdAt)}</span>,
      },
    ],
    [t, tc, dates],
  );

  return (
    <SettingsTable
      query={{ ...tasks, data: tasks.data?.items }}
      columns={columns}
      canWrite={canWrite}
      icon={ClipboardList}
      messages={{ empty: t("empty"), emptyHint: t("emptyHint"), loadFailed: t("loadFailed") }}
      row={{
        editDialog: (task, trigger) => <TaskDialog task={task} trigger={trigger} />,
        editLabel: tc("rename"),
        deleteTitle: (task) => t("deleteTitle", { name: task.name }),
        deleteDescription: () => t("deleteFree"),
        inUse: (task) => (task.customerCount ? t("inUse", { name: task.name, count: task.customerCount }) : undefined),
        deletedMessage: (task) => t("deleted", { name: task.name }),
        onDelete: deleteTask,
      }}
    />
  );
}
