"use client";

import type { ReactNode } from "react";
import { NameDialog } from "@/components/settings/name-dialog";
import { departmentFormSchema, type Department } from "@/lib/departments/schemas";
import { useSaveDepartment } from "./use-departments";

/** Create or rename a department: one name, unique within the tenant. */
export function DepartmentDialog({ department, trigger }: { department?: Department; trigger: ReactNode }) {
  const { mutateAsync } = useSaveDepartment();
  return (
    <NameDialog
      noun="department"
      schema={departmentFormSchema}
      current={department}
      save={mutateAsync}
      description="Its id is the servicegroupId integrators pass in the customers API."
      placeholder="华东销售部"
      trigger={trigger}
    />
  );
}
