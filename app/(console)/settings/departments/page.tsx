import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DepartmentDialog } from "@/components/departments/department-dialog";
import { DepartmentsTable } from "@/components/departments/departments-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/departments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("departments");
  return { title: t("title") };
}

export default async function DepartmentsPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  // first paint from the server; react-query takes over for refreshes after writes
  const items = await listDepartments(user.tenantId);
  const [t, ts] = await Promise.all([getTranslations("departments"), getTranslations("shell.nav")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={t("description")}
        actions={
          canWrite ? (
            <DepartmentDialog
              trigger={
                <Button>
                  <Plus /> {t("new")}
                </Button>
              }
            />
          ) : undefined
        }
      />
      <DepartmentsTable initialData={{ items }} canWrite={canWrite} />
    </>
  );
}
