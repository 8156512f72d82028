import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { DepartmentDialog } from "@/components/departments/department-dialog";
import { DepartmentsTable } from "@/components/departments/departments-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/departments/service";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const items = await listDepartments(user.tenantId);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Departments"
        description="The teams staff belong to. A department with staff or customers cannot be deleted."
        actions={
          canWrite ? (
            <DepartmentDialog
              trigger={
                <Button>
                  <Plus /> New department
                </Button>
              }
            />
          ) : undefined
        }
      />
      <DepartmentsTable initialData={{ items }} canWrite={canWrite} timeZone={user.tenant.timeZone} />
    </>
  );
}
