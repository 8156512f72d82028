import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateGroupButton } from "@/components/groups/group-dialogs";
import { GroupsTable } from "@/components/groups/groups-table";
import { groupQueryFromParams } from "@/components/groups/url-state";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { groupPageForConsole } from "@/lib/groups/console-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("title") };
}

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = groupQueryFromParams(await searchParams);
  // first paint from the server; the table then pages, sorts and searches through GET /api/groups
  const [data, t] = await Promise.all([groupPageForConsole(user.tenantId, query), getTranslations("groups")]);
  const canWrite = can(user.role, "write");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={canWrite ? <CreateGroupButton /> : undefined} />
      <GroupsTable initial={{ query, data }} canWrite={canWrite} />
    </>
  );
}
