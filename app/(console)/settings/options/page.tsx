import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OptionLists } from "@/components/options/option-lists";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listOptionLists } from "@/lib/options/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("options");
  return { title: t("title") };
}

export default async function OptionListsPage() {
  const user = await requireUser();
  const [lists, t, ts] = await Promise.all([listOptionLists(user.tenantId), getTranslations("options"), getTranslations("shell.nav")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={t("description")}
      />
      <OptionLists initialData={lists} canWrite={can(user.role, "write")} />
    </>
  );
}
