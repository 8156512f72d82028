import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { CustomFieldDialog } from "@/components/custom-fields/custom-field-dialog";
import { CustomFieldsTable } from "@/components/custom-fields/custom-fields-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listCustomFields } from "@/lib/custom-fields/service";

export const metadata: Metadata = { title: "Custom fields" };

export default async function CustomFieldsPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const items = await listCustomFields(user.tenantId);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Custom fields"
        description="Extra fields on every customer profile. Integrators send their values in jsonStr, keyed <id>_<name>."
        actions={
          canWrite ? (
            <CustomFieldDialog
              trigger={
                <Button>
                  <Plus /> New field
                </Button>
              }
            />
          ) : undefined
        }
      />
      <CustomFieldsTable initialData={{ items }} canWrite={canWrite} />
    </>
  );
}
