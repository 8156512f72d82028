"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";

const SCENARIO: Record<string, BadgeProps["variant"]> = { active: "success", paused: "warning", draft: "muted" };
const RUN: Record<string, BadgeProps["variant"]> = {
  queued: "secondary",
  running: "secondary",
  waiting: "warning",
  completed: "success",
  failed: "destructive",
  cancelled: "muted",
};
const OUTCOME: Record<string, BadgeProps["variant"]> = { done: "success", waiting: "warning", retrying: "warning", failed: "destructive" };

/** A scenario's state (draft, active, paused), a run's status or a step's outcome, in the user's language. */
export function StatusBadge({ kind, value }: { kind: "scenario" | "run" | "outcome"; value: string }) {
  const t = useTranslations("scenarios");
  const variant = (kind === "scenario" ? SCENARIO : kind === "run" ? RUN : OUTCOME)[value] ?? "outline";
  const key = `${kind === "scenario" ? "states" : kind === "run" ? "runStatus" : "outcomes"}.${value}`;
  return (
    <Badge variant={variant} data-status={value}>
      {t.has(key as never) ? t(key as never) : value}
    </Badge>
  );
}
