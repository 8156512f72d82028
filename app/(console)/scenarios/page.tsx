import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Scenarios" };

export default async function ScenariosPage() {
  await requireUser();
  return (
    <ComingSoon
      title="Scenarios"
      summary="Automations that react to events: wait, check a condition, then act."
      icon={Workflow}
      plans={[
        "Start a scenario when an event arrives or a custom event is triggered through the API",
        "Chain steps: wait, branch on a condition, send an SMS, create a task, move a stage",
        "Follow each run step by step and see why one failed",
      ]}
    />
  );
}
