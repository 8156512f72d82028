import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ScenarioView } from "@/components/scenarios/scenario-view";
import type { Scenario } from "@/components/scenarios/use-scenarios";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getScenario } from "@/lib/scenarios/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scenarios");
  return { title: t("metaTitle") };
}

export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const scenario = await getScenario(user.tenantId, id).catch((err) => {
    if (isDomainError(err) && err.kind === "not_found") notFound();
    throw err;
  });
  const t = await getTranslations("scenarios");
  // the client component takes the JSON form the API answers (dates as strings)
  const initial = JSON.parse(JSON.stringify(scenario)) as Scenario;
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/scenarios", label: t("title") }]} title={scenario.name} description={t("scenarioDescription", { id: scenario.id })} />
      <ScenarioView initial={initial} canWrite={can(user.role, "write")} />
    </>
  );
}
