import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SegmentsTable } from "@/components/segments/segments-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("segments");
  return { title: t("title") };
}

export default async function SegmentsPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const t = await getTranslations("segments");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canWrite && (
            <Button asChild>
              <Link href="/segments/new">
                <Plus /> {t("new")}
              </Link>
            </Button>
          )
        }
      />
      <SegmentsTable canWrite={canWrite} />
    </>
  );
}
