"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NameDialog } from "@/components/settings/name-dialog";
import { taskFormSchema, type Task } from "@/lib/tasks/schemas";
import { useSaveTask } from "./use-tasks";

/** Create or rename a task: one name, unique within the tenant. */
export function TaskDialog({ task, trigger }: { task?: Task; trigger: ReactNode }) {
  const t = useTranslations("tasks");
  const tc = useTranslations("common");
  const { mutateAsync } = useSaveTask();
  return (
    <NameDialog
      schema={taskFormSchema}
      current={task}
      save={mutateAsync}
      title={task ? t("renameTitle", { name: task.name }) : t("new")}
      description={t("dialogDescription")}
      nameHint={t("nameHint")}
      submitLabel={task ? tc("rename") : t("create")}
      savedMessage={(name) => (task ? t("renamed", { name }) : t("created", { name }))}
      trigger={trigger}
    />
  );
}
