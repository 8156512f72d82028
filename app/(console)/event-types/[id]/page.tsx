import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EventTypeForm } from "@/components/event-types/event-type-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listEventCategories } from "@/lib/event-categories/service";
import { eventTypeIdParamsSchema, type EventType } from "@/lib/event-types/schemas";
import { getEventType } from "@/lib/event-types/service";
import { DomainError } from "@/lib/http/errors";
import { listStages } from "@/lib/stages/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("eventTypes");
  return { title: t("metaTitle") };
}

async function load(tenantId: number, rawId: string): Promise<EventType> {
  const parsed = eventTypeIdParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  try {
    return await getEventType(tenantId, { id: parsed.data.id });
  } catch (err) {
    if (err instanceof DomainError && err.kind === "not_found") notFound();
    throw err;
  }
}

export default async function EventTypePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const eventType = await load(user.tenantId, (await params).id);
  const [stages, categories] = await Promise.all([listStages(user.tenantId), listEventCategories(user.tenantId)]);
  const canWrite = can(user.role, "write");
  const t = await getTranslations("eventTypes");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/event-types", label: t("title") }]}
        title={
          <span className="flex items-center gap-2">
            {eventType.name}
            {eventType.archived && <Badge variant="muted">{t("archived")}</Badge>}
          </span>
        }
        description={<span className="font-mono">{eventType.eventKey}</span>}
      />
      {/* keyed by updatedAt: a restore (router.refresh) brings fresh defaults */}
      <EventTypeForm
        key={eventType.updatedAt}
        eventType={eventType}
        canWrite={canWrite}
        initialStages={stages}
        initialCategories={categories}
      />
    </>
  );
}
