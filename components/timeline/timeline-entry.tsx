"use client";

import { History, MessageSquare, PhoneCall, Sparkles, StickyNote, Ticket, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { GEO_FIELDS } from "@/lib/customer-events/schemas";
import type { EventType } from "@/lib/event-types/schemas";
import type { TimelineKind } from "@/lib/feeds/schemas";
import type { TimelineEvent, TimelineItem } from "@/lib/feeds/timeline";
import { formatDateTime } from "@/lib/format";
import { KIND_LABELS } from "./timeline-filters";

const ICONS: Record<TimelineKind, LucideIcon> = {
  event: Sparkles,
  ticket: Ticket,
  followUp: StickyNote,
  callLog: PhoneCall,
  sms: MessageSquare,
  alternation: History,
};

const SOURCE_KEYS = ["source", "source1", "source2", "source3", "source4", "source5", "source6", "source7", "source8"] as const;

function Pairs({ pairs }: { pairs: [string, ReactNode][] }) {
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
  const names = new Map(type?.attributes.map((a) => [a.attrKey, a.attrName]));
  const pairs: [string, ReactNode][] = [];
  if (item.eventValue) pairs.push(["Value", item.eventValue]);
  for (const a of item.attributes) pairs.push([names.get(a.attrKey) ?? a.attrKey, a.value]);
  const sources = SOURCE_KEYS.filter((k) => item[k]).map((k) => `${k === "source" ? "" : `${k}: `}${item[k]}`);
  if (sources.length) pairs.push(["Source", sources.join(" · ")]);
  const geo = GEO_FIELDS.filter((k) => item[k]).map((k) => item[k]);
  if (geo.length) pairs.push(["Place", geo.join(" ")]);
  return <Pairs pairs={pairs} />;
}

function title(item: TimelineItem, type?: EventType): string {
  switch (item.kind) {
    case "event":
      return item.eventName || type?.name || item.eventKey;
    case "ticket":
      return item.title;
    case "followUp":
      return "Follow-up";
    case "callLog":
      return item.callType === "inbound" ? "Inbound call" : "Outbound call";
    case "sms":
      return item.direction === "inbound" ? "SMS received" : "SMS sent";
    case "alternation":
      return "Profile changed";
  }
}

function author(item: TimelineItem): string | null {
  switch (item.kind) {
    case "event":
      return item.recordedBy;
    case "followUp":
    case "alternation":
      return item.authorName ? `${item.authorName}${item.authorNo ? ` (${item.authorNo})` : ""}` : item.authorNo;
    default:
      return item.createdByNo;
  }
}

function Body({ item, type }: { item: TimelineItem; type?: EventType }) {
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
          {item.handlerNo && <Pairs pairs={[["Handler", item.handlerNo]]} />}
        </>
      );
    case "followUp":
      return (
        <>
          <p className="mt-1 text-sm whitespace-pre-wrap">{item.content}</p>
          {item.dealFlag && <Pairs pairs={[["Deal flag", item.dealFlag.name]]} />}
        </>
      );
    case "callLog":
      return (
        <Pairs
          pairs={[
            ["Phone", item.phone ?? "—"],
            ["Duration", `${item.durationSec} s`],
            ...(item.result ? ([["Result", item.result]] as [string, ReactNode][]) : []),
          ]}
        />
      );
    case "sms":
      return (
        <>
          <p className="mt-1 text-sm whitespace-pre-wrap">{item.content}</p>
          <Pairs
            pairs={[
              ["Phone", item.phone ?? "—"],
              ["Status", item.status],
            ]}
          />
        </>
      );
    case "alternation":
      return <p className="mt-1 font-mono text-sm break-words">{item.summary}</p>;
  }
}

/** One entry of the timeline: what it is, when (tenant time), who, and its fields or attributes. */
export function TimelineEntry({ item, eventType, timeZone }: { item: TimelineItem; eventType?: EventType; timeZone: string }) {
  const Icon = ICONS[item.kind];
  const by = author(item);
  return (
    <li className="relative flex gap-3 pb-6" data-testid="timeline-entry" data-kind={item.kind}>
      <div className="flex size-8 shrink-0 items-center justify-center rounded-full border bg-background text-muted-foreground">
        <Icon className="size-4" />
      </div>
      <div className="min-w-0 flex-1 rounded-md border p-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <div className="flex min-w-0 items-baseline gap-2">
            <span className="font-medium break-words">{title(item, eventType)}</span>
            <Badge variant="secondary">{item.kind === "event" ? (eventType?.name ?? item.eventKey) : KIND_LABELS[item.kind]}</Badge>
          </div>
          <time className="text-xs text-muted-foreground tabular-nums" dateTime={item.at}>
            {formatDateTime(item.at, timeZone)}
          </time>
        </div>
        <Body item={item} type={eventType} />
        {by && <p className="mt-2 text-xs text-muted-foreground">by {by}</p>}
      </div>
    </li>
  );
}
