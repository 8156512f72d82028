import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateCustomerDialog } from "@/components/customers/create-customer-dialog";
import { CustomersTable } from "@/components/customers/list/customers-table";
import type { CustomerRefs } from "@/components/customers/list/refs";
import { queryFromParams } from "@/components/customers/list/url-state";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listCustomFields } from "@/lib/custom-fields/service";
import { listCustomersForConsole } from "@/lib/customers/profiles";
import { listLabels } from "@/lib/labels/service";
import { listOptionLists } from "@/lib/options/service";
import { listStages } from "@/lib/stages/service";
import { listTasks } from "@/lib/tasks/service";
import { listUsers } from "@/lib/users/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("title") };
}

const ref = ({ id, name }: { id: number; name: string }) => ({ id, name });

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = queryFromParams(await searchParams);
  // first paint from the server (the page the URL asks for, and the filters' choices); the table
  // then pages, sorts and filters through GET /api/customers without reloading the page
  const [t, data, options, labels, stages, tasks, users, customFields] = await Promise.all([
    getTranslations("customers"),
    listCustomersForConsole(user.tenantId, query),
    listOptionLists(user.tenantId),
    listLabels(user.tenantId),
    listStages(user.tenantId),
    listTasks(user.tenantId),
    listUsers(user.tenantId),
    listCustomFields(user.tenantId),
  ]);
  const refs: CustomerRefs = {
    tasks: tasks.map(ref),
    owners: users.map((u) => ({ id: u.id, name: u.name, loginNo: u.loginNo, departmentId: u.departmentId })),
    types: options.custType.map(ref),
    dealFlags: options.dealFlag.map(ref),
    sources: options.custFrom.map(ref),
    stages: stages.map(ref),
    labels: labels.map(ref),
  };
  const canWrite = can(user.role, "write");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canWrite ? <CreateCustomerDialog refs={refs} customFields={customFields} /> : undefined}
      />
      <CustomersTable initial={{ query, data }} refs={refs} customFields={customFields} canWrite={canWrite} />
    </>
  );
}
