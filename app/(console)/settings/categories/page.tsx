import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CategoryDialog } from "@/components/event-categories/category-dialog";
import { CategoriesTable } from "@/components/event-categories/categories-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listEventCategories } from "@/lib/event-categories/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("categories");
  return { title: t("title") };
}

export default async function CategoriesPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  // first paint from the server; react-query takes over for refreshes after writes
  const items = await listEventCategories(user.tenantId);
  const [t, ts] = await Promise.all([getTranslations("categories"), getTranslations("shell.nav")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={t("description")}
        actions={
          canWrite ? (
            <CategoryDialog
              trigger={
                <Button>
                  <Plus /> {t("new")}
                </Button>
              }
            />
          ) : undefined
        }
      />
      <CategoriesTable initialData={items} canWrite={canWrite} />
    </>
  );
}
