import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  // rendered on the server at each visit: a few aggregate queries (lib/dashboard), no client fetch
  const [data, t] = await Promise.all([getDashboard(user.tenantId), getTranslations("dashboard")]);
  return (
    <>
      <PageHeader title={t("welcome", { name: user.name })} description={t("description", { tenant: user.tenant.name })} />
      <DashboardView data={data} />
    </>
  );
}
