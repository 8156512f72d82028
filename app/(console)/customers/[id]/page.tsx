import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerView } from "@/components/customers/profile/customer-view";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getCustomerProfile } from "@/lib/customers/profiles";
import { listDepartments } from "@/lib/departments/service";
import { DomainError } from "@/lib/http/errors";
import { listTasks } from "@/lib/tasks/service";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Customer" };

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
  const customer = await profileOrNotFound(user.tenantId, id);
  // the edit sheet's choices of owner, department and task (writers only)
  const assignment = can(user.role, "write")
    ? await Promise.all([listUsers(user.tenantId), listDepartments(user.tenantId), listTasks(user.tenantId)]).then(
        ([users, departments, tasks]) => ({
          owners: users
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
        breadcrumbs={[{ href: "/customers", label: "Customers" }]}
        title={customer.name}
        description={customer.companyName ?? "Profile and everything that happened with this customer."}
      />
      <CustomerView initial={customer} assignment={assignment} timeZone={user.tenant.timeZone} />
    </>
  );
}
