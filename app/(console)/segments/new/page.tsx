import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentEditor } from "@/components/segments/segment-editor";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadSegmentRefs } from "../load-refs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("segments");
  return { title: t("new") };
}

export default async function NewSegmentPage() {
  const user = await requireUser("write");
  const [refs, t] = await Promise.all([loadSegmentRefs(user.tenantId), getTranslations("segments")]);
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/segments", label: t("title") }]} title={t("new")} description={t("editor.intro")} />
      <SegmentEditor refs={refs} canWrite />
    </>
  );
}
