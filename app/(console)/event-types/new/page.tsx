import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventTypeForm } from "@/components/event-types/event-type-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";
import { listEventCategories } from "@/lib/event-categories/service";
import { listStages } from "@/lib/stages/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("eventTypes");
  return { title: t("new") };
}

export default async function NewEventTypePage() {
  const user = await requireUser("write");
  const [stages, categories, t] = await Promise.all([listStages(user.tenantId), listEventCategories(user.tenantId), getTranslations("eventTypes")]);
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/event-types", label: t("title") }]} title={t("new")} />
      <EventTypeForm canWrite initialStages={stages} initialCategories={categories} />
    </>
  );
}
