import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TaskDialog } from "@/components/tasks/task-dialog";
import { TasksTable } from "@/components/tasks/tasks-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listTasks } from "@/lib/tasks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks");
  return { title: t("title") };
}

export default async function TasksPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  // first paint from the server; react-query takes over for refreshes after writes
  const items = await listTasks(user.tenantId);
  const [t, ts] = await Promise.all([getTranslations("tasks"), getTranslations("shell.nav")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={t("description")}
        actions={
          canWrite ? (
            <TaskDialog
              trigger={
                <Button>
                  <Plus /> {t("new")}
                </Button>
              }
            />
          ) : undefined
        }
      />
      <TasksTable initialData={{ items }} canWrite={canWrite} />
    </>
  );
}
