import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  return (
    <ComingSoon
      title={`Welcome, ${user.name}`}
      summary={`The dashboard of ${user.tenant.name}.`}
      icon={LayoutDashboard}
      plans={[
        "See how many customers you have, and how many joined this week",
        "Follow the events received per day, by event type",
        "Watch customers move through the lifecycle stages",
        "Check recent scenario runs and their failures",
      ]}
    />
  );
}
