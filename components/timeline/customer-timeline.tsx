"use client";

import { Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { EventType } from "@/lib/event-types/schemas";
import { TimelineEntry } from "./timeline-entry";
import { TimelineFilterBar, useTimelineFilters } from "./timeline-filters";
import { useTimeline } from "./use-timeline";

/**
 * The customer's one timeline: events and history, newest first. The next page loads when the
 * sentinel under the list scrolls into view (a button does the same for keyboards and old browsers).
 */
export function CustomerTimeline({ customerId, eventTypes }: { customerId: number; eventTypes: EventType[] }) {
  const t = useTranslations("timeline");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const filters = useTimelineFilters();
  const q = useTimeline(customerId, filters);
  const sentinel = useRef<HTMLDivElement>(null);
  const types = new Map(eventTypes.map((type) => [type.id, type]));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "200px" });
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.kind || filters.eventTypeId || filters.from || filters.to || filters.automation);

  return (
    <section className="space-y-4" aria-label={t("title")}>
      <TimelineFilterBar filters={filters} eventTypes={eventTypes} />
      {q.isPending ? (
        <div className="space-y-3" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ) : q.isError ? (
        <EmptyState
          title={t("loadFailed")}
          description={errorText(q.error)}
          action={
            <Button variant="outline" onClick={() => void q.refetch()}>
              {tc("retry")}
            </Button>
          }
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon={Clock}
          title={filtered ? t("emptyFiltered") : t("empty")}
          description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
        />
      ) : (
        <>
          <ol className="relative" data-testid="timeline">
            {items.map((item) => (
              <TimelineEntry
                key={item.kind === "automation" ? `automation-${item.entry}-${item.id}` : `${item.kind}-${item.id}`}
                item={item}
                eventType={item.kind === "event" ? types.get(item.eventTypeId) : undefined}
              />
            ))}
          </ol>
          <div ref={sentinel} className="flex justify-center">
            {hasNextPage ? (
              <Button variant="ghost" size="sm" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                {isFetchingNextPage ? tc("loading") : t("loadOlder")}
              </Button>
            ) : (
              <p className="text-xs text-muted-foreground">{t("beginning")}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
