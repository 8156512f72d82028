import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StageDialog } from "@/components/stages/stage-dialog";
import { StagesTable } from "@/components/stages/stages-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listStagesWithUsage } from "@/lib/stages/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stages");
  return { title: t("title") };
}

export default async function StagesPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  // first paint from the server; react-query takes over for refreshes after writes
  const items = await listStagesWithUsage(user.tenantId);
  const [t, ts] = await Promise.all([getTranslations("stages"), getTranslations("shell.nav")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={t("description")}
        actions={
          canWrite ? (
            <StageDialog
              trigger={
                <Button>
                  <Plus /> {t("new")}
                </Button>
              }
            />
          ) : undefined
        }
      />
      <StagesTable initialData={items} canWrite={canWrite} />
    </>
  );
}
