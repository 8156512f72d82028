"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NameDialog } from "@/components/settings/name-dialog";
import { departmentFormSchema, type Department } from "@/lib/departments/schemas";
import { useSaveDepartment } from "./use-departments";

/** Create or rename a department: one name, unique within the tenant. */
export function DepartmentDialog({ department, trigger }: { department?: Department; trigger: ReactNode }) {
  const t = useTranslations("departments");
  const tc = useTranslations("common");
  const { mutateAsync } = useSaveDepartment();
  return (
    <NameDialog
      schema={departmentFormSchema}
      current={department}
      save={mutateAsync}
      title={department ? t("renameTitle", { name: department.name }) : t("new")}
      description={t("dialogDescription")}
      nameHint={t("nameHint")}
      submitLabel={department ? tc("rename") : t("create")}
      savedMessage={(name) => (department ? t("renamed", { name }) : t("created", { name }))}
      trigger={trigger}
    />
  );
}
