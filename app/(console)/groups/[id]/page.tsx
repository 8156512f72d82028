import { tz } from "@date-fns/tz";
import { format, subDays } from "date-fns";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GroupView } from "@/components/groups/group-view";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { FIRST_MEMBER_QUERY } from "@/lib/groups/console";
import { groupForConsole, memberPageForConsole } from "@/lib/groups/console-service";
import { joinedBetweenDays } from "@/lib/groups/service";
import { DomainError } from "@/lib/http/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.page");
  return { title: t("metaTitle") };
}

/** A group of another tenant, or none, is a 404 page. */
async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof DomainError && err.kind === "not_found") notFound();
    throw err;
  }
}

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  // the last 30 days of the tenant's calendar, today included
  const inZone = tz(user.tenant.timeZone);
  const now = new Date();
  const range = { from: format(subDays(now, 29, { in: inZone }), "yyyy-MM-dd", { in: inZone }), to: format(now, "yyyy-MM-dd", { in: inZone }) };
  // first paint from the server: the group and its count, the first page of members, the chart
  const [group, members, joined, t] = await orNotFound(
    Promise.all([
      groupForConsole(user.tenantId, id),
      memberPageForConsole(user.tenantId, id, FIRST_MEMBER_QUERY),
      joinedBetweenDays(user.tenantId, id, { ...range, timeZone: user.tenant.timeZone }),
      getTranslations("groups"),
    ]),
  );
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/groups", label: t("title") }]} title={group.name} description={group.description ?? t("description")} />
      <GroupView initial={{ group, members, range, joined }} canWrite={can(user.role, "write")} />
    </>
  );
}
