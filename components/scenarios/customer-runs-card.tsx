"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { RunItem } from "./runs-panel";
import { useCustomerRuns } from "./use-scenarios";

/**
 * The customer page's "Automation" card: the customer's scenario runs (entered, each step, finished
 * or failed), newest first. A card beside the timeline rather than entries merged into its stream:
 * the timeline pages recorded feeds by cursor, runs are live rows that change while one looks.
 */
export function CustomerRunsCard({ customerId, canWrite }: { customerId: number; canWrite: boolean }) {
  const t = useTranslations("scenarios.customer");
  const runs = useCustomerRuns(customerId);
  return (
    <Card className="mt-6" data-testid="customer-runs">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {runs.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : !runs.data?.length ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="grid gap-2">
            {runs.data.map((r) => (
              <RunItem key={r.id} run={r} canWrite={canWrite} showScenario showCustomer={false} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
