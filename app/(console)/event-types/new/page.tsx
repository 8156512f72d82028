import type { Metadata } from "next";
import { EventTypeForm } from "@/components/event-types/event-type-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";
import { listEventCategories } from "@/lib/event-categories/service";
import { listStages } from "@/lib/stages/service";

export const metadata: Metadata = { title: "New event type" };

export default async function NewEventTypePage() {
  const user = await requireUser("write");
  const [stages, categories] = await Promise.all([listStages(user.tenantId), listEventCategories(user.tenantId)]);
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/event-types", label: "Event types" }]} title="New event type" />
      <EventTypeForm canWrite initialStages={stages} initialCategories={categories} />
    </>
  );
}
