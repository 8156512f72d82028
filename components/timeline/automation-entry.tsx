"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { StatusBadge } from "@/components/scenarios/status-badge";
import type { Failure, StepAction, TimelineAutomation } from "@/lib/feeds/automation";

/** A scenario run's entry on the timeline (lib/feeds/automation.ts): its title names what happened, its body where and why. */

/** The run in the scenario's run history. */
export const runHref = (item: TimelineAutomation) => `/scenarios/${item.scenarioId}?tab=runs&run=${item.runId}`;

const FAILURES = [
  "webhook_failed",
  "group_not_found",
  "stage_not_found",
  "customer_not_found",
  "option_not_found",
  "scenario_invalid",
  "loop_depth_exceeded",
  "taken_over_too_often",
  "internal",
] as const;

function useWords() {
  const t = useTranslations("timeline.automation");
  const ts = useTranslations("scenarios.steps");
  const { dateTime } = useDates();
  const reason = (f: Failure | null) =>
    !f ? t("unknown") : (FAILURES as readonly string[]).includes(f.reason) ? t(`failures.${f.reason as (typeof FAILURES)[number]}`) : f.reason;
  const stepName = (type: string) => (ts.has(`types.${type}` as never) ? ts(`types.${type}` as never) : type);
  const named = (id: number | null, name: string | null) => name ?? (id === null ? t("unknown") : t("deleted", { id }));
  const status = (s: number | null) => (s === null ? t("steps.noAnswer") : t("steps.status", { status: s }));

  /** "Added to group VIP", "Webhook failed (HTTP 500) after 2 attempts", "Waiting until …". */
  const step = (item: Extract<TimelineAutomation, { entry: "step" }>): string => {
    const a: StepAction = item.action;
    const done = item.outcome === "done";
    if (item.outcome === "failed" && a.type !== "webhook") return t("steps.failed", { step: stepName(a.type === "other" ? a.name : a.type), reason: reason(item.failure) });
    switch (a.type) {
      case "wait":
        if (!a.until) return t("steps.waited");
        return done ? t("steps.waitedUntil", { until: dateTime(a.until) }) : t("steps.waitingUntil", { until: dateTime(a.until) });
      case "branch":
        return a.lane === "then" ? t("steps.branchThen") : a.lane === "else" ? t("steps.branchElse") : t("steps.branch");
      case "addToGroup":
        return t(a.changed === false ? "steps.alreadyInGroup" : "steps.addedToGroup", { group: named(a.groupId, a.groupName) });
      case "removeFromGroup":
        return t(a.changed === false ? "steps.notInGroup" : "steps.removedFromGroup", { group: named(a.groupId, a.groupName) });
      case "setStage":
        return t(a.changed === false ? "steps.stageUnchanged" : "steps.stageSet", { stage: named(a.stageId, a.stageName) });
      case "setField": {
        const field = a.field && ts.has(`fields.${a.field}` as never) ? ts(`fields.${a.field}` as never) : (a.field ?? t("unknown"));
        return t(a.changed === false ? "steps.fieldUnchanged" : "steps.fieldSet", { field, value: a.value === null || a.value === "" ? "—" : String(a.value) });
      }
      case "recordEvent":
        return t("steps.eventRecorded", { event: a.eventName ?? a.eventKey ?? t("unknown") });
      case "webhook":
        if (done) return t("steps.webhookDelivered", { status: a.status ?? "" });
        if (item.outcome === "failed") return t("steps.webhookFailed", { status: status(a.status), attempts: item.attempts });
        return item.failure ? t("steps.webhookRetrying", { status: status(a.status) }) : t("steps.webhookSending");
      case "exit":
        return t("steps.exited");
      case "other":
        return t("steps.other", { step: stepName(a.name) });
    }
  };
  return { t, step, reason, stepName };
}

/** The entry's title; the scenario's name links to this run in its history. */
export function AutomationTitle({ item }: { item: TimelineAutomation }) {
  const { t, step, reason } = useWords();
  const link = (chunks: ReactNode) => (
    <Link href={runHref(item)} className="underline-offset-2 hover:underline" data-testid="run-link">
      {chunks}
    </Link>
  );
  const scenario = item.scenarioName;
  switch (item.entry) {
    case "entered":
      return <>{t.rich("entered", { scenario, link })}</>;
    case "step":
      return <>{step(item)}</>;
    case "finished":
      if (item.status === "completed") return <>{t.rich("completed", { scenario, link })}</>;
      if (item.status === "cancelled") return <>{t.rich("cancelled", { scenario, link })}</>;
      return <>{t.rich("failed", { scenario, link, reason: reason(item.failure) })}</>;
  }
}

/** Where it happened (scenario, version, run, step) and the details a reader checks: the trigger, attempts, the error as stored. */
export function AutomationBody({ item }: { item: TimelineAutomation }) {
  const { t, stepName } = useWords();
  const { dateTime } = useDates();
  const pairs: [string, ReactNode][] = [
    [
      t("scenario"),
      <span key="s">
        <Link href={runHref(item)} className="font-medium hover:underline">
          {item.scenarioName}
        </Link>{" "}
        <span className="text-muted-foreground">{t("run", { version: item.version, runId: item.runId })}</span>
      </span>,
    ],
  ];
  if (item.entry === "entered" && item.trigger) {
    const trigger = item.trigger;
    pairs.push([
      t("trigger"),
      trigger.kind === "customEvent"
        ? t("customEvent", { name: trigger.name ?? t("deleted", { id: trigger.customEventId }) })
        : t("eventType", { name: trigger.name ? `${trigger.name} (${trigger.eventKey})` : trigger.eventKey }),
    ]);
  }
  if (item.entry === "step") {
    const type = item.action.type === "other" ? item.action.name : item.action.type;
    pairs.push([
      t("step"),
      <span key="st" className="inline-flex flex-wrap items-center gap-1.5">
        <StatusBadge kind="outcome" value={item.outcome} />
        {stepName(type)} <span className="font-mono text-xs text-muted-foreground">{item.stepId}</span>
      </span>,
    ]);
    if (item.attempts > 1) pairs.push([t("attempts"), String(item.attempts)]);
    // a step that took a while (a wait, retries): when it began, at the precision times are shown
    if (dateTime(item.startedAt) !== dateTime(item.at)) pairs.push([t("startedAt"), dateTime(item.startedAt)]);
  }
  const failure = item.entry === "entered" ? null : item.failure;
  return (
    <>
      <dl className="mt-2 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-0.5 text-sm">
        {pairs.map(([k, v], i) => (
          <div key={`${k}-${i}`} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="min-w-0 break-words">{v}</dd>
          </div>
        ))}
      </dl>
      {failure && (
        <p className="mt-2 rounded-md bg-destructive/10 px-2 py-1 font-mono text-xs break-all text-destructive" data-testid="run-error">
          {failure.error}
        </p>
      )}
    </>
  );
}
