"use client";

import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import type { EventTypeCount } from "@/lib/dashboard/schemas";

/** The most recorded event types, each with its share of the largest as a bar. */
export function TopEventTypes({ items }: { items: EventTypeCount[] }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  if (items.length === 0) {
    return <EmptyState title={t("noEvents")} description={t("noEventsHint")} className="border-0 py-6" />;
  }
  const max = Math.max(...items.map((i) => i.count));
  return (
    <ol className="space-y-3" aria-label={t("top")}>
      {items.map((item) => (
        <li key={item.eventTypeId} className="space-y-1">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0 truncate">
              <span className="font-medium">{item.name}</span>{" "}
              <span className="font-mono text-xs text-muted-foreground">{item.eventKey}</span>
            </span>
            <span className="tabular-nums">{format.number(item.count)}</span>
          </div>
          <div className="h-1.5 rounded-full bg-muted">
            <div className="h-1.5 rounded-full bg-primary" style={{ width: `${Math.max(2, (item.count / max) * 100)}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
