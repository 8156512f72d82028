import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CustomerView } from "@/components/customers/profile/customer-view";
import { CustomerGroupsCard } from "@/components/groups/customer-groups-card";
import { PageHeader } from "@/components/shell/page-header";
import { listApiKeys } from "@/lib/access/api-keys";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getCustomerProfile } from "@/lib/customers/profiles";
import { listDepartments } from "@/lib/departments/service";
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
  const [customer, staff, keys, t, tn] = await Promise.all([
    profileOrNotFound(user.tenantId, id),
    listUsers(user.tenantId),
    listApiKeys(user.tenantId),
    getTranslations("customer"),
    getTranslations("shell.nav"),
  ]);
  // who did what on the timeline: staff by id and login number, API keys by id (names only)
  const actors = {
    staff: staff.map((u) => ({ id: u.id, name: u.name, loginNo: u.loginNo })),
    apiKeys: keys.map((k) => ({ id: k.id, name: k.name })),
  };
  // the edit sheet's choices of owner, department and task (writers only)
  const assignment = can(user.role, "write")
    ? await Promise.all([listDepartments(user.tenantId), listTasks(user.tenantId)]).then(
        ([departments, tasks]) => ({
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
      <CustomerView initial={customer} assignment={assignment} actors={actors} />
      <CustomerGroupsCard customerId={customer.id} canWrite={can(user.role, "write")} />
    </>
  );
}
