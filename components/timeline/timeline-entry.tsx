"use client";

import { History, MessageSquare, PhoneCall, Sparkles, StickyNote, Ticket, Workflow, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { Badge } from "@/components/ui/badge";
import { GEO_FIELDS } from "@/lib/customer-events/schemas";
import type { EventType } from "@/lib/event-types/schemas";
import type { TimelineKind } from "@/lib/feeds/schemas";
import type { TimelineEvent, TimelineItem } from "@/lib/feeds/timeline";
import { Actor } from "./actor";
import { AutomationBody, AutomationTitle } from "./automation-entry";

const ICONS: Record<TimelineKind, LucideIcon> = {
  event: Sparkles,
  ticket: Ticket,
  followUp: StickyNote,
  callLog: PhoneCall,
  sms: MessageSquare,
  alternation: History,
  automation: Workflow,
};

const SOURCE_KEYS = ["source", "source1", "source2", "source3", "source4", "source5", "source6", "source7", "source8"] as const;

type Pair = [string, ReactNode];

function Pairs({ pairs }: { pairs: Pair[] }) {
  if (pairs.length === 0) return null;
  return (
    <dl className="mt-2 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-0.5 text-sm">
      {pairs.map(([k, v], i) => (
        <div key={`${k}-${i}`} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="min-w-0 break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function EventBody({ item, type }: { item: TimelineEvent; type?: EventType }) {
  const t = useTranslations("timeline.entry");
  const names = new Map(type?.attributes.map((a) => [a.attrKey, a.attrName]));
  const pairs: Pair[] = [];
  if (item.eventValue) pairs.push([t("value"), item.eventValue]);
  for (const a of item.attributes) pairs.push([names.get(a.attrKey) ?? a.attrKey, a.value]);
  const sources = SOURCE_KEYS.filter((k) => item[k]).map((k) => `${k === "source" ? "" : `${k}: `}${item[k]}`);
  if (sources.length) pairs.push([t("source"), sources.join(" · ")]);
  const geo = GEO_FIELDS.filter((k) => item[k]).map((k) => item[k]);
  if (geo.length) pairs.push([t("place"), geo.join(" ")]);
  return <Pairs pairs={pairs} />;
}

const CHANGE_FIELDS = new Set([
  "name", "type", "phones", "email", "crmId", "identities", "address", "companyName", "companyId", "task",
  "owner", "department", "dealFlag", "assignTime", "labels", "source", "lastAccept", "stage", "score",
]);

/**
 * A change record in the user's language: "Company: empty → 测试公司". The stored field name maps to
 * a translated label; a custom field (`custom:<id>`) keeps its own name, the part of the stored
 * summary before ": ". The values are data and stay as stored.
 */
function ChangeBody({ item }: { item: Extract<TimelineItem, { kind: "alternation" }> }) {
  const t = useTranslations("timeline");
  const field = CHANGE_FIELDS.has(item.field)
    ? t(`fields.${item.field}` as "fields.name")
    : (item.summary.split(": ")[0] || item.field);
  const shown = (v: string | null) => v || t("emptyValue");
  return (
    <p className="mt-1 text-sm break-words" data-testid="change">
      {t("change", { field, oldValue: shown(item.oldValue), newValue: shown(item.newValue) })}
    </p>
  );
}

function useTitle() {
  const t = useTranslations("timeline.entry");
  return (item: Exclude<TimelineItem, { kind: "automation" }>, type?: EventType): string => {
    switch (item.kind) {
      case "event":
        return item.eventName || type?.name || item.eventKey;
      case "ticket":
        return item.title;
      case "followUp":
        return t("followUp");
      case "callLog":
        return item.callType === "inbound" ? t("inboundCall") : t("outboundCall");
      case "sms":
        return item.direction === "inbound" ? t("smsReceived") : t("smsSent");
      case "alternation":
        return t("profileChanged");
    }
  };
}

const SMS_STATUSES = new Set(["sent", "delivered", "failed", "received"]);

function Body({ item, type }: { item: TimelineItem; type?: EventType }) {
  const t = useTranslations("timeline.entry");
  const ts = useTranslations("customer.history.sms");
  switch (item.kind) {
    case "event":
      return <EventBody item={item} type={type} />;
    case "ticket":
      return (
        <>
          <div className="mt-1 flex gap-1.5">
            <Badge variant="outline">{item.status}</Badge>
            <Badge variant="muted">{item.urgency}</Badge>
          </div>
          <div
            className="prose prose-sm mt-2 max-w-none text-sm dark:prose-invert [&_a]:underline [&_img]:max-h-64"
            data-testid="ticket-content"
            // the server sanitised this (sanitize-html, lib/feeds/sanitize.ts) on write and again on read
            dangerouslySetInnerHTML={{ __html: item.content }}
          />
          {item.handler && <Pairs pairs={[[t("handler"), <Actor key="h" author={item.handler} />]]} />}
        </>
      );
    case "followUp":
      return (
        <>
          <p className="mt-1 text-sm whitespace-pre-wrap">{item.content}</p>
          {item.dealFlag && <Pairs pairs={[[t("dealFlag"), item.dealFlag.name]]} />}
        </>
      );
    case "callLog":
      return (
        <Pairs
          pairs={[
            [t("phone"), item.phone ?? "—"],
            [t("duration"), t("seconds", { seconds: item.durationSec })],
            ...(item.result ? ([[t("result"), item.result]] as Pair[]) : []),
          ]}
        />
      );
    case "sms":
      return (
        <>
          <p className="mt-1 text-sm whitespace-pre-wrap">{item.content}</p>
          <Pairs
            pairs={[
              [t("phone"), item.phone ?? "—"],
              [t("status"), SMS_STATUSES.has(item.status) ? ts(`statuses.${item.status as "sent"}`) : item.status],
            ]}
          />
        </>
      );
    case "alternation":
      return <ChangeBody item={item} />;
    case "automation":
      return <AutomationBody item={item} />;
  }
}

/** One entry of the timeline: what it is, when (tenant time), who, and its fields or attributes. */
export function TimelineEntry({ item, eventType }: { item: TimelineItem; eventType?: EventType }) {
  const t = useTranslations("timeline");
  const dates = useDates();
  const title = useTitle();
  const Icon = ICONS[item.kind];
  // an event the system recorded (an automation) names the system; other items without an author name no one
  const system = item.kind === "event" && item.recordedBy === "system";
  const run =
    item.kind === "automation"
      ? {
          "data-entry": item.entry,
          "data-step-type": item.entry === "step" ? (item.action.type === "other" ? item.action.name : item.action.type) : undefined,
          "data-outcome": item.entry === "step" ? item.outcome : item.entry === "finished" ? item.status : undefined,
        }
      : {};
  return (
    <li className="relative flex gap-3 pb-6" data-testid="timeline-entry" data-kind={item.kind} {...run}>
      <div className="flex size-8 shrink-0 items-center justify-center rounded-full border bg-background text-muted-foreground">
        <Icon className="size-4" />
      </div>
      <div className="min-w-0 flex-1 rounded-md border p-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <div className="flex min-w-0 items-baseline gap-2">
            <span className="font-medium break-words" data-testid="entry-title">
              {item.kind === "automation" ? <AutomationTitle item={item} /> : title(item, eventType)}
            </span>
            <Badge variant="secondary">{item.kind === "event" ? (eventType?.name ?? item.eventKey) : t(`kinds.${item.kind}`)}</Badge>
          </div>
          <time className="text-xs text-muted-foreground tabular-nums" dateTime={item.at}>
            {dates.dateTime(item.at)}
          </time>
        </div>
        <Body item={item} type={eventType} />
        {(item.author || system) && (
          <p className="mt-2 text-xs text-muted-foreground" data-testid="actor">
            {t.rich("entry.by", { actor: () => <Actor author={item.author} system={system} /> })}
          </p>
        )}
      </div>
    </li>
  );
}
