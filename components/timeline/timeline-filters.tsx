"use client";

import { X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { EventType } from "@/lib/event-types/schemas";
import { TIMELINE_KINDS, type TimelineKind } from "@/lib/feeds/schemas";
import type { TimelineFilters } from "./use-timeline";

export const KIND_LABELS: Record<TimelineKind, string> = {
  event: "Events",
  ticket: "Tickets",
  followUp: "Follow-ups",
  callLog: "Call logs",
  sms: "SMS logs",
  alternation: "Changes",
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters live in the URL (?kind=&eventTypeId=&from=&to=) so a filtered timeline can be shared and reloaded. */
export function useTimelineFilters(): TimelineFilters {
  const sp = useSearchParams();
  const kind = sp.get("kind");
  const eventTypeId = Number(sp.get("eventTypeId"));
  const from = sp.get("from") ?? "";
  const to = sp.get("to") ?? "";
  return {
    kind: (TIMELINE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as TimelineKind) : undefined,
    eventTypeId: Number.isInteger(eventTypeId) && eventTypeId > 0 ? eventTypeId : undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
  };
}

export function TimelineFilterBar({ filters, eventTypes }: { filters: TimelineFilters; eventTypes: EventType[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();

  function set(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(sp.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  const any = filters.kind || filters.eventTypeId || filters.from || filters.to;
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Timeline filters">
      <div className="grid gap-1">
        <Label htmlFor="tl-kind">Kind</Label>
        <NativeSelect
          id="tl-kind"
          className="w-40"
          value={filters.kind ?? ""}
          // an event type only narrows events: choosing another kind drops it
          onChange={(e) => set({ kind: e.target.value, ...(e.target.value && e.target.value !== "event" ? { eventTypeId: undefined } : {}) })}
        >
          <option value="">All kinds</option>
          {TIMELINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="tl-type">Event type</Label>
        <NativeSelect
          id="tl-type"
          className="w-48"
          value={filters.eventTypeId ? String(filters.eventTypeId) : ""}
          onChange={(e) => set({ eventTypeId: e.target.value, ...(e.target.value ? { kind: "event" } : {}) })}
        >
          <option value="">Any event type</option>
          {eventTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="tl-from">From</Label>
        <Input id="tl-from" type="date" className="w-40" value={filters.from ?? ""} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="tl-to">To</Label>
        <Input id="tl-to" type="date" className="w-40" value={filters.to ?? ""} onChange={(e) => set({ to: e.target.value })} />
      </div>
      {any && (
        <Button variant="ghost" size="sm" onClick={() => set({ kind: undefined, eventTypeId: undefined, from: undefined, to: undefined })}>
          <X /> Clear filters
        </Button>
      )}
    </div>
  );
}
