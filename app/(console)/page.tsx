import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/service";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  // rendered on the server at each visit: a few aggregate queries (lib/dashboard), no client fetch
  const data = await getDashboard(user.tenantId);
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description={`How ${user.tenant.name} is doing.`} />
      <DashboardView data={data} />
    </>
  );
}
