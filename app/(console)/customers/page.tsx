import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  await requireUser();
  return (
    <ComingSoon
      title="Customers"
      summary="Everyone your systems know, with their identities, attributes and events."
      icon={UsersRound}
      plans={[
        "Search and filter customers by name, phone, identity, stage or label",
        "Open a customer to see their profile, custom fields and event timeline",
        "Edit attributes, move a customer to another lifecycle stage, assign an owner",
        "Import customers from CSV and export a filtered list",
      ]}
    />
  );
}
