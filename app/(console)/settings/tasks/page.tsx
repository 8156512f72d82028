import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { TaskDialog } from "@/components/tasks/task-dialog";
import { TasksTable } from "@/components/tasks/tasks-table";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listTasks } from "@/lib/tasks/service";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const items = await listTasks(user.tenantId);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Tasks"
        description="Call-centre tasks customers are worked under. A task that still has customers cannot be deleted."
        actions={
          canWrite ? (
            <TaskDialog
              trigger={
                <Button>
                  <Plus /> New task
                </Button>
              }
            />
          ) : undefined
        }
      />
      <TasksTable initialData={{ items }} canWrite={canWrite} timeZone={user.tenant.timeZone} />
    </>
  );
}
