import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CustomerView } from "@/components/customers/profile/customer-view";
import { CustomerGroupsCard } from "@/components/groups/customer-groups-card";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getCustomerProfile } from "@/lib/customers/profiles";
import { listDepartments } from "@/lib/departments/service";
import { resolveAuthors } from "@/lib/feeds/authors";
import { DomainError } from "@/lib/http/errors";
import { listTasks } from "@/lib/tasks/service";
import { listUsers } from "@/lib/users/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer");
  return { title: t("metaTitle") };
}

async function profileOrNotFound(tenantId: number, id: number) {
  try {
    return await getCustomerProfile(tenantId, id);
  } catch (err) {
    if (err instanceof DomainError && err.kind === "not_found") notFound();
    throw err;
  }
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  // first paint from the server; react-query refreshes it after every write on the page
  const [customer, t, tn] = await Promise.all([profileOrNotFound(user.tenantId, id), getTranslations("customer"), getTranslations("shell.nav")]);
  // the timeline names its own authors; the profile names who created the customer
  const [createdBy] = await resolveAuthors(user.tenantId, [{ loginNo: customer.createdByNo }]);
  // the edit sheet's choices of owner, department and task (writers only)
  const assignment = can(user.role, "write")
    ? await Promise.all([listUsers(user.tenantId), listDepartments(user.tenantId), listTasks(user.tenantId)]).then(
        ([staff, departments, tasks]) => ({
          owners: staff
            .filter((u) => !u.disabledAt)
            .map((u) => ({ id: u.id, name: u.name, loginNo: u.loginNo, departmentId: u.departmentId })),
          departments: departments.map((d) => ({ id: d.id, name: d.name })),
          tasks: tasks.map((t) => ({ id: t.id, name: t.name })),
        }),
      )
    : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/customers", label: tn("customers") }]}
        title={customer.name}
        description={customer.companyName ?? t("descriptionFallback")}
      />
      <CustomerView initial={customer} assignment={assignment} createdBy={createdBy} />
      <CustomerGroupsCard customerId={customer.id} canWrite={can(user.role, "write")} />
    </>
  );
}
