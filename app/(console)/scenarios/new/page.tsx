import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FlowEditor } from "@/components/scenarios/flow-editor";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scenarios");
  return { title: t("new") };
}

export default async function NewScenarioPage() {
  await requireUser("write");
  const t = await getTranslations("scenarios");
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/scenarios", label: t("title") }]} title={t("new")} description={t("newDescription")} />
      <FlowEditor canWrite />
    </>
  );
}
