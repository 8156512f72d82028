"use client";

import { RotateCcw, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { StatusBadge } from "./status-badge";
import { cn } from "@/lib/utils";
import { useRun, useRunAction, useRuns, useWaiting, type Run } from "./use-scenarios";

const UNFINISHED = new Set(["queued", "running", "waiting"]);

/** Retry (a failed run) or cancel (a run under way), for writers. */
export function RunActions({ run, className }: { run: { id: number; status: string }; className?: string }) {
  const t = useTranslations("scenarios.runs");
  const { toastError } = useErrorText();
  const action = useRunAction();
  if (run.status !== "failed" && !UNFINISHED.has(run.status)) return null;
  return (
    <span className={cn("flex gap-1", className)}>
      {run.status === "failed" && (
        <Button
          variant="outline"
          size="sm"
          disabled={action.isPending}
          onClick={() => action.mutate({ runId: run.id, action: "retry" }, { onSuccess: () => toast.success(t("retriedToast")), onError: toastError })}
        >
          <RotateCcw /> {t("retry")}
        </Button>
      )}
      {UNFINISHED.has(run.status) && (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
              <XCircle /> {t("cancel")}
            </Button>
          }
          title={t("cancelTitle", { id: run.id })}
          description={t("cancelDescription")}
          confirmLabel={t("cancel")}
          destructive
          onConfirm={() => action.mutateAsync({ runId: run.id, action: "cancel" }).then(() => toast.success(t("cancelledToast")))}
        />
      )}
    </span>
  );
}

/** One run: its status, customer, times and the log of its steps (outcome, time, attempts, error). */
export function RunItem({ run, canWrite, highlight = false }: { run: Run; canWrite: boolean; highlight?: boolean }) {
  const t = useTranslations("scenarios.runs");
  const ts = useTranslations("scenarios.steps");
  const { dateTime } = useDates();
  return (
    <li className={cn("rounded-lg border p-3", highlight && "border-primary ring-1 ring-primary/40")} data-testid="run" data-run-id={run.id} data-status={run.status} data-focused={highlight || undefined}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge kind="run" value={run.status} />
        <Link href={`/customers/${run.customerId}`} className="font-medium hover:underline">
          {run.customerName}
        </Link>
        <span className="text-muted-foreground">
          #{run.id} · {t("versionShort", { version: run.version })} · {t("entered", { at: dateTime(run.startedAt) })}
          {run.finishedAt && ` · ${t("finished", { at: dateTime(run.finishedAt) })}`}
        </span>
        {canWrite && <RunActions run={run} className="ml-auto" />}
      </div>
      {run.error && (
        <p className="mt-2 rounded-md bg-destructive/10 px-2 py-1 font-mono text-xs break-all text-destructive" data-testid="run-error">
          {run.error}
        </p>
      )}
      {run.steps.length > 0 && (
        <ol className="mt-2 grid gap-1 border-l-2 pl-3 text-sm">
          {run.steps.map((s, i) => (
            <li key={`${s.stepId}-${i}`} className="flex flex-wrap items-center gap-2" data-testid="run-step" data-step-type={s.type} data-outcome={s.outcome}>
              <StatusBadge kind="outcome" value={s.outcome} />
              <span>{ts.has(`types.${s.type}` as never) ? ts(`types.${s.type}` as never) : s.type}</span>
              <span className="font-mono text-xs text-muted-foreground">{s.stepId}</span>
              <span className="text-xs text-muted-foreground">
                {dateTime(s.finishedAt ?? s.startedAt)}
                {s.attempts > 1 && ` · ${t("attempts", { count: s.attempts })}`}
              </span>
              {s.error && <span className="basis-full font-mono text-xs break-all text-destructive">{s.error}</span>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * Per scenario: customers at each step now, and the run history (paged, newest first). A link from a
 * customer's timeline names one run (`focusRunId`): it is shown first, marked, whatever its page.
 */
export function RunsPanel({ scenarioId, canWrite, focusRunId }: { scenarioId: number; canWrite: boolean; focusRunId?: number }) {
  const t = useTranslations("scenarios.runs");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const [page, setPage] = useState(1);
  const runs = useRuns(scenarioId, page);
  const focus = useRun(focusRunId).data;
  // on the page shown it is marked in place; elsewhere it is shown above the history
  const onPage = runs.data?.items.some((r) => r.id === focusRunId) ?? false;
  const focused = focus && focus.scenarioId === scenarioId && !onPage ? focus : undefined;
  const waiting = (useWaiting(scenarioId).data ?? []).filter((w) => w.waiting > 0);
  return (
    <div className="grid gap-4">
      {focused && (
        <section aria-labelledby="this-run" className="grid gap-2" data-testid="focused-run">
          <h2 id="this-run" className="text-sm font-medium">
            {t("thisRun", { id: focused.id })}
          </h2>
          <ul>
            <RunItem run={focused} canWrite={canWrite} highlight />
          </ul>
        </section>
      )}
      <section aria-labelledby="waiting-now" className="grid gap-2">
        <h2 id="waiting-now" className="text-sm font-medium">
          {t("waitingNow")}
        </h2>
        {waiting.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("nobodyWaiting")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="waiting">
            {waiting.map((w) => (
              <li key={w.stepId} className="rounded-md border px-2.5 py-1">
                <span className="font-mono text-xs">{w.stepId}</span> · {t("customers", { count: w.waiting })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="run-history" className="grid gap-2">
        <h2 id="run-history" className="text-sm font-medium">
          {t("history")}
        </h2>
        {runs.isError ? (
          <EmptyState
            title={t("loadFailed")}
            description={errorText(runs.error)}
            action={
              <Button variant="outline" onClick={() => runs.refetch()}>
                {tc("retry")}
              </Button>
            }
          />
        ) : runs.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : runs.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <>
            <ul className="grid gap-2">
              {runs.data.items.map((r) => (
                <RunItem key={r.id} run={r} canWrite={canWrite} highlight={r.id === focusRunId} />
              ))}
            </ul>
            <Pagination page={page} pageSize={runs.data.pageSize} total={runs.data.total} onPageChange={setPage} />
          </>
        )}
      </section>
    </div>
  );
}
