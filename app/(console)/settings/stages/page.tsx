import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { StageDialog } from "@/components/stages/stage-dialog";
import { StagesTable } from "@/components/stages/stages-table";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listStages } from "@/lib/stages/service";

export const metadata: Metadata = { title: "Lifecycle stages" };

export default async function StagesPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  // first paint from the server; react-query takes over for refreshes after writes
  const stages = await listStages(user.tenantId);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Lifecycle stages"
        description="The stages a customer moves through (生命周期阶段). Recording an event moves the customer to its event type's stage."
        actions={
          canWrite && (
            <StageDialog
              trigger={
                <Button>
                  <Plus /> New stage
                </Button>
              }
            />
          )
        }
      />
      <StagesTable initialData={stages} canWrite={canWrite} />
    </>
  );
}
