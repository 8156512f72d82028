import { Hammer, type LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";

/** A section that is not built yet: says so, and what it will do. Never shows made-up data. */
export function ComingSoon({
  title,
  summary,
  plans,
  icon = Hammer,
}: {
  title: string;
  summary: string;
  /** what the page will let a marketer do */
  plans: string[];
  icon?: LucideIcon;
}) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <EmptyState icon={icon} title="Coming soon" description="This part of the console is not built yet. When it is, it will let you:">
        <ul className="mx-auto max-w-md list-disc space-y-1 pl-5 text-left text-sm text-muted-foreground">
          {plans.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
