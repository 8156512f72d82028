import { Plus, Zap } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ScenariosTable } from "@/components/scenarios/scenarios-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scenarios");
  return { title: t("title") };
}

export default async function ScenariosPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const t = await getTranslations("scenarios");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/scenarios/custom-events">
                <Zap /> {t("customEvents.title")}
              </Link>
            </Button>
            {canWrite && (
              <Button asChild>
                <Link href="/scenarios/new">
                  <Plus /> {t("new")}
                </Link>
              </Button>
            )}
          </>
        }
      />
      <ScenariosTable canWrite={canWrite} />
    </>
  );
}
