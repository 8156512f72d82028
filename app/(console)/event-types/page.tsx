import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { EventTypesTable } from "@/components/event-types/event-types-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("eventTypes");
  return { title: t("title") };
}

export default async function EventTypesPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const t = await getTranslations("eventTypes");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canWrite && (
            <Button asChild>
              <Link href="/event-types/new">
                <Plus /> {t("new")}
              </Link>
            </Button>
          )
        }
      />
      {/* the table reads ?q= and ?archived= from the URL */}
      <Suspense>
        <EventTypesTable canWrite={canWrite} />
      </Suspense>
    </>
  );
}
