import { Filter } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  await requireUser();
  return (
    <ComingSoon
      title="Segments"
      summary="Audiences defined by rules, recomputed as customers and their events change."
      icon={Filter}
      plans={[
        "Build a segment from attribute, stage, label and event conditions",
        "Preview how many customers match before saving",
        "Track a segment's size over time and export its members",
      ]}
    />
  );
}
