import { Tags } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  await requireUser();
  return (
    <ComingSoon
      title="Groups"
      summary="Hand-picked sets of customers, kept by you or by an integration through the API."
      icon={Tags}
      plans={[
        "Create a group and add or remove customers by hand or from a CSV file",
        "See the members of a group and when they joined",
        "Use a group as the audience of a scenario",
      ]}
    />
  );
}
