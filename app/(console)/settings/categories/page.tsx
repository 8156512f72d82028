import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { CategoriesTable } from "@/components/event-categories/categories-table";
import { CategoryDialog } from "@/components/event-categories/category-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listEventCategories } from "@/lib/event-categories/service";

export const metadata: Metadata = { title: "Event categories" };

export default async function CategoriesPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  // first paint from the server; react-query takes over for refreshes after writes
  const categories = await listEventCategories(user.tenantId);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Event categories"
        description="How event types are grouped (事件分组) in the automation editor and in the events API's listCustomerEventToFlows."
        actions={
          canWrite && (
            <CategoryDialog
              trigger={
                <Button>
                  <Plus /> New category
                </Button>
              }
            />
          )
        }
      />
      <CategoriesTable initialData={categories} canWrite={canWrite} />
    </>
  );
}
