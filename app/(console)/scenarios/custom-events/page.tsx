import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateCustomEventDialog } from "@/components/custom-events/create-custom-event-dialog";
import { CustomEventsTable } from "@/components/custom-events/custom-events-table";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scenarios.customEvents");
  return { title: t("title") };
}

export default async function CustomEventsPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const [t, ts] = await Promise.all([getTranslations("scenarios.customEvents"), getTranslations("scenarios")]);
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/scenarios", label: ts("title") }]} title={t("title")} description={t("description")} actions={canWrite && <CreateCustomEventDialog />} />
      <CustomEventsTable canWrite={canWrite} />
    </>
  );
}
