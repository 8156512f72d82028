import type { Metadata } from "next";
import { OptionLists } from "@/components/options/option-lists";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listOptionLists } from "@/lib/options/service";

export const metadata: Metadata = { title: "Option lists" };

export default async function OptionListsPage() {
  const user = await requireUser();
  const lists = await listOptionLists(user.tenantId);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Option lists"
        description="The customer types, deal flags and sources a customer can be given (custType, dealFlag and custFrom in the customers API)."
      />
      <OptionLists initialData={lists} canWrite={can(user.role, "write")} />
    </>
  );
}
