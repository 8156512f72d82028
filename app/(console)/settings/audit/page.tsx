import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/shell/page-header";
import { auditFacets } from "@/lib/audit/query";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage() {
  const admin = await requireUser("admin");
  const [t, facets] = await Promise.all([getTranslations("audit"), auditFacets(admin.tenantId)]);
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/settings", label: t("breadcrumb") }]} title={t("title")} description={t("description")} />
      <AuditTable facets={facets} />
    </>
  );
}
