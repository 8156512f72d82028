"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { customerKeys } from "@/lib/customers/query-keys";
import { groupKeys } from "@/lib/groups/console";
import { RunActions } from "./runs-panel";
import { StatusBadge } from "./status-badge";
import { useCustomerRuns } from "./use-scenarios";

/**
 * While the page is open, runs move on their own (the worker): when the summary's marker changes,
 * what runs change is read again — the timeline (their entries), the profile (a stage or field a
 * step set) and the customer's groups.
 */
function useRefreshWhenRunsMove(customerId: number, marker: string | undefined) {
  const qc = useQueryClient();
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (marker === undefined) return;
    if (seen.current !== undefined && seen.current !== marker) {
      void qc.invalidateQueries({ queryKey: customerKeys.detail(customerId) });
      void qc.invalidateQueries({ queryKey: groupKeys.ofCustomer(customerId) });
    }
    seen.current = marker;
  }, [qc, customerId, marker]);
}

/**
 * The customer page's "Automation" card: the runs under way (cancel) or failed (retry), each with
 * where it stands. What every run did, step by step, is on the timeline; this card only acts.
 */
export function CustomerRunsCard({ customerId, canWrite }: { customerId: number; canWrite: boolean }) {
  const t = useTranslations("scenarios.customer");
  const tr = useTranslations("scenarios.runs");
  const { dateTime } = useDates();
  const summary = useCustomerRuns(customerId);
  useRefreshWhenRunsMove(customerId, summary.data?.marker);
  const runs = summary.data?.runs ?? [];
  return (
    <Card className="mt-6" data-testid="customer-runs">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {summary.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : runs.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="grid gap-2">
            {runs.map((run) => (
              <li key={run.id} className="grid gap-1 rounded-lg border p-2.5 text-sm" data-testid="open-run" data-run-id={run.id} data-status={run.status}>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge kind="run" value={run.status} />
                  <Link href={`/scenarios/${run.scenarioId}?tab=runs&run=${run.id}`} className="min-w-0 font-medium break-words hover:underline">
                    {run.scenarioName}
                  </Link>
                  {canWrite && <RunActions run={run} className="ml-auto" />}
                </div>
                <p className="text-xs text-muted-foreground">
                  {tr("entered", { at: dateTime(run.startedAt) })}
                  {run.stepId && (
                    <>
                      {" · "}
                      {t.rich("atStep", { step: () => <span className="font-mono">{run.stepId}</span> })}
                    </>
                  )}
                </p>
                {run.error && (
                  <p className="truncate font-mono text-xs text-destructive" title={run.error}>
                    {run.error}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-xs text-muted-foreground">{t("onTimeline")}</p>
      </CardContent>
    </Card>
  );
}
