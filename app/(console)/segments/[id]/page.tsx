import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SegmentEditor } from "@/components/segments/segment-editor";
import type { Segment } from "@/components/segments/use-segments";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/http/errors";
import { segmentIdParamsSchema } from "@/lib/segments/schemas";
import { getSegment } from "@/lib/segments/service";
import { loadSegmentRefs } from "../load-refs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("segments");
  return { title: t("metaTitle") };
}

async function load(tenantId: number, rawId: string): Promise<Segment> {
  const parsed = segmentIdParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  try {
    const s = await getSegment(tenantId, parsed.data.id);
    return { ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
  } catch (err) {
    if (err instanceof DomainError && err.kind === "not_found") notFound();
    throw err;
  }
}

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const segment = await load(user.tenantId, (await params).id);
  const [refs, t] = await Promise.all([loadSegmentRefs(user.tenantId), getTranslations("segments")]);
  const canWrite = can(user.role, "write");
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/segments", label: t("title") }]} title={segment.name} description={segment.description ?? (canWrite ? t("editor.intro") : t("editor.readOnly"))} />
      {/* keyed by updatedAt: after a save (router.refresh) the editor starts from what was stored */}
      <SegmentEditor key={segment.updatedAt} segment={segment} refs={refs} canWrite={canWrite} />
    </>
  );
}
