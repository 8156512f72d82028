"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import type { EventType } from "@/lib/event-types/schemas";
import { TIMELINE_KINDS, type TimelineKind } from "@/lib/feeds/schemas";
import type { TimelineFilters } from "./use-timeline";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters live in the URL (?kind=&eventTypeId=&from=&to=&automation=hide) so a filtered timeline can be shared and reloaded. */
export function useTimelineFilters(): TimelineFilters {
  const sp = useSearchParams();
  const kind = sp.get("kind");
  const eventTypeId = Number(sp.get("eventTypeId"));
  const from = sp.get("from") ?? "";
  const to = sp.get("to") ?? "";
  const range = {
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
  };
  // a reversed range typed into the URL by hand is not sent (the form refuses to make one)
  const reversed = range.from && range.to && range.from > range.to;
  return {
    kind: (TIMELINE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as TimelineKind) : undefined,
    eventTypeId: Number.isInteger(eventTypeId) && eventTypeId > 0 ? eventTypeId : undefined,
    from: reversed ? undefined : range.from,
    to: reversed ? undefined : range.to,
    automation: sp.get("automation") === "hide" ? "hide" : undefined,
  };
}

export function TimelineFilterBar({ filters, eventTypes }: { filters: TimelineFilters; eventTypes: EventType[] }) {
  const t = useTranslations("timeline");
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  // the dates as typed: a range reaches the URL (and the query) only when it is the right way round
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");
  useEffect(() => {
    setFrom(filters.from ?? "");
    setTo(filters.to ?? "");
  }, [filters.from, filters.to]);
  const reversed = Boolean(from && to && from > to);

  function set(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(sp.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  function setDate(which: "from" | "to", value: string) {
    const range = { from, to, [which]: value };
    if (which === "from") setFrom(value);
    else setTo(value);
    if (range.from && range.to && range.from > range.to) return;
    set({ from: range.from || undefined, to: range.to || undefined });
  }

  const any = filters.kind || filters.eventTypeId || filters.from || filters.to || filters.automation || from || to;
  // a chosen kind or event type already says what is shown: the switch is for "all kinds"
  const narrowed = Boolean(filters.kind || filters.eventTypeId);
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label={t("filters.label")}>
        <div className="grid gap-1">
          <Label htmlFor="tl-kind">{t("filters.kind")}</Label>
          <NativeSelect
            id="tl-kind"
            className="w-40"
            value={filters.kind ?? ""}
            // an event type only narrows events: choosing another kind drops it
            onChange={(e) => set({ kind: e.target.value, ...(e.target.value && e.target.value !== "event" ? { eventTypeId: undefined } : {}) })}
          >
            <option value="">{t("filters.allKinds")}</option>
            {TIMELINE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="tl-type">{t("filters.eventType")}</Label>
          <NativeSelect
            id="tl-type"
            className="w-48"
            value={filters.eventTypeId ? String(filters.eventTypeId) : ""}
            onChange={(e) => set({ eventTypeId: e.target.value, ...(e.target.value ? { kind: "event" } : {}) })}
          >
            <option value="">{t("filters.anyEventType")}</option>
            {eventTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        {/* one group for the range, so "To" never wraps away from "From" */}
        <div className="flex flex-wrap items-end gap-3 sm:flex-nowrap">
          <div className="grid gap-1">
            <Label htmlFor="tl-from">{t("filters.from")}</Label>
            <Input
              id="tl-from"
              type="date"
              className="w-40"
              value={from}
              max={to || undefined}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? "tl-range-error" : undefined}
              onChange={(e) => setDate("from", e.target.value)}
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="tl-to">{t("filters.to")}</Label>
            <Input
              id="tl-to"
              type="date"
              className="w-40"
              value={to}
              min={from || undefined}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? "tl-range-error" : undefined}
              onChange={(e) => setDate("to", e.target.value)}
            />
          </div>
        </div>
        <div className="flex h-9 items-center gap-2">
          <Switch
            id="tl-automation"
            checked={narrowed ? filters.kind === "automation" : filters.automation !== "hide"}
            disabled={narrowed}
            title={t("filters.automationHint")}
            onCheckedChange={(on) => set({ automation: on ? undefined : "hide" })}
          />
          <Label htmlFor="tl-automation">{t("filters.automation")}</Label>
        </div>
        {any && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setFrom("");
              setTo("");
              set({ kind: undefined, eventTypeId: undefined, from: undefined, to: undefined, automation: undefined });
            }}
          >
            <X /> {t("filters.clear")}
          </Button>
        )}
      </div>
      {reversed && (
        <p id="tl-range-error" role="alert" className="text-xs text-destructive">
          {t("filters.reversed")}
        </p>
      )}
    </div>
  );
}
