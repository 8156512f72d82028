"use client";

import type { ReactNode } from "react";
import { NameDialog } from "@/components/settings/name-dialog";
import { taskFormSchema, type Task } from "@/lib/tasks/schemas";
import { useSaveTask } from "./use-tasks";

/** Create or rename a task: one name, unique within the tenant. */
export function TaskDialog({ task, trigger }: { task?: Task; trigger: ReactNode }) {
  const { mutateAsync } = useSaveTask();
  return (
    <NameDialog
      noun="task"
      schema={taskFormSchema}
      current={task}
      save={mutateAsync}
      description="Its id is the taskId integrators pass in the customers API."
      placeholder="回访任务"
      trigger={trigger}
    />
  );
}
