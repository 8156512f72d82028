import { findCustomerEvents, type StoredEvent } from "@/lib/customer-events/repository";
import { CONTEXT_FIELDS, type ContextField } from "@/lib/customer-events/schemas";
import { tenantTimeZone } from "@/lib/customer-events/service";
import { parseTenantDate } from "@/lib/customer-events/time";
import { customerNotFound } from "@/lib/customers/service";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { resolveAuthors, type Author, type AuthorRef } from "./authors";
import { automationRows, describeAutomation, type AutomationRow, type TimelineAutomation } from "./automation";
import { decodeCursor, encodeCursor, keysetAfter, newestFirst, type Cursor } from "./keyset";
import { findFeedRecords, type FeedRecord, type FeedTimeCondition, type FeedWhere } from "./repository";
import { TIMELINE_KINDS, type FeedKind, type TimelineKind, type TimelineQuery } from "./schemas";
import { toFeedItem, type FeedItem } from "./serializers";

/**
 * The console's one timeline of a customer: recorded customer events (at their happenTime) merged
 * with the five history kinds, change records included (at their createdAt), and the customer's
 * scenario runs (entered, each step, finished: lib/feeds/automation.ts), newest first, keyset-paged
 * across all sources.
 */

/** A recorded event as the timeline shows it. */
export interface TimelineEvent extends Record<ContextField, string | null> {
  kind: "event";
  id: number;
  at: string;
  eventTypeId: number;
  eventKey: string;
  eventName: string;
  eventValue: string | null;
  attributes: { attrKey: string; type: string; value: string }[];
  recordedBy: string | null;
}

/**
 * An item of the timeline: the event, history record or run entry, with who did it (`author`; none
 * for a run entry, the system's) and, for a ticket, who handles it (`handler`), named from the users
 * and API keys of the tenant.
 */
export type TimelineItem = (TimelineEvent | FeedItem | TimelineAutomation) & { author: Author | null; handler?: Author | null };
export type { TimelineAutomation };

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

/** Ties at one instant (lib/feeds/keyset.ts): scenario runs (ranks 6–9), then events, then history kinds by rank, then id. */
const RANK: Record<Exclude<TimelineKind, "automation">, number> = { event: 5, sms: 4, callLog: 3, followUp: 2, ticket: 1, alternation: 0 };

type Entry =
  | { kind: "event"; rank: number; at: Date; id: number; event: StoredEvent }
  | { kind: FeedKind; rank: number; at: Date; id: number; record: FeedRecord }
  | { kind: "automation"; rank: number; at: Date; id: number; row: AutomationRow };

/** [from, before) of the query's days in the tenant's zone; `to` covers its whole day. */
function range(q: TimelineQuery, timeZone: string): { from?: Date; before?: Date } {
  const from = q.from ? parseTenantDate(q.from, timeZone) : undefined;
  let before: Date | undefined;
  if (q.to) {
    const [y, m, d] = q.to.split("-").map(Number);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    before = parseTenantDate(next.toISOString().slice(0, 10), timeZone);
  }
  if (from && before && from >= before) throw fail("range_reversed", "from is after to", { path: "from" });
  return { from, before };
}

async function eventEntries(
  tenantId: number,
  customerId: number,
  q: TimelineQuery,
  r: { from?: Date; before?: Date },
  c: Cursor | null,
  tx: DbOrTx,
): Promise<Entry[]> {
  // after a history item's cursor only strictly older events follow (id < 0 never holds); after a run
  // entry's, every event at its instant does (older than the next millisecond, the columns' precision)
  const after = !c ? undefined : c.r > RANK.event ? { happenTime: new Date(c.t + 1), id: 0 } : { happenTime: new Date(c.t), id: c.r === RANK.event ? c.id : 0 };
  const rows = await findCustomerEvents(
    { tenantId, customerId, eventTypeId: q.eventTypeId, from: r.from, before: r.before, after },
    { offset: 0, limit: q.limit },
    tx,
  );
  return rows.map((event) => ({ kind: "event" as const, rank: RANK.event, at: new Date(event.happenTime), id: event.id, event }));
}

async function feedEntries(
  kind: FeedKind,
  tenantId: number,
  customerId: number,
  q: TimelineQuery,
  r: { from?: Date; before?: Date },
  c: Cursor | null,
  tx: DbOrTx,
): Promise<Entry[]> {
  const and: FeedTimeCondition[] = [];
  if (r.from || r.before) and.push({ createdAt: { ...(r.from ? { gte: r.from } : {}), ...(r.before ? { lt: r.before } : {}) } });
  if (c) and.push(keysetAfter("createdAt", RANK[kind], c) as FeedTimeCondition);
  const where: FeedWhere = { tenantId, customerId, ...(and.length ? { AND: and } : {}) };
  const rows = await findFeedRecords(kind, { where, take: q.limit }, tx);
  return rows.map((record) => ({ kind, rank: RANK[kind], at: record.createdAt, id: record.id, record }));
}

async function runEntries(
  tenantId: number,
  customerId: number,
  q: TimelineQuery,
  r: { from?: Date; before?: Date },
  c: Cursor | null,
  tx: DbOrTx,
): Promise<Entry[]> {
  const rows = await automationRows(tenantId, customerId, r, c, q.limit, tx);
  return rows.map((row) => ({ kind: "automation" as const, rank: row.rank, at: row.at, id: row.id, row }));
}

export function toTimelineEvent(e: StoredEvent): TimelineEvent {
  const out = {
    kind: "event",
    id: e.id,
    at: new Date(e.happenTime).toISOString(),
    eventTypeId: e.eventTypeId,
    eventKey: e.eventKey,
    eventName: e.eventName,
    eventValue: e.eventValue ?? null,
    attributes: e.attributes.map((a) => ({ attrKey: a.attrKey, type: a.type, value: a.value })),
    recordedBy: e.recordedBy ?? null,
  } as TimelineEvent;
  for (const f of CONTEXT_FIELDS) out[f] = e[f] ?? null;
  return out;
}

/** What an item stores about its author. */
function authorRef(item: TimelineEvent | FeedItem | TimelineAutomation): AuthorRef {
  switch (item.kind) {
    case "event":
      return { recordedBy: item.recordedBy };
    case "automation":
      return { recordedBy: null };
    case "followUp":
    case "alternation":
      return { loginNo: item.authorNo, name: item.authorName };
    default:
      return { loginNo: item.createdByNo };
  }
}

function splitAt<T>(list: T[], at: number): [T[], T[]] {
  return [list.slice(0, at), list.slice(at)];
}

/** One page of the merged timeline. The kinds asked for are read in parallel, `limit` of each. */
export async function listCustomerTimeline(tenantId: number, customerId: number, q: TimelineQuery, tx: DbOrTx = db): Promise<TimelinePage> {
  const live = await tx.customer.findFirst({ where: { tenantId, id: customerId, deletedAt: null }, select: { id: true } });
  if (!live) throw customerNotFound();
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const r = q.from || q.to ? range(q, await tenantTimeZone(tenantId)) : {};
  // an event type narrows the timeline to events: history items and runs have no type
  const kinds: TimelineKind[] =
    q.eventTypeId !== undefined
      ? q.kind && q.kind !== "event" ? [] : ["event"]
      : q.kind
        ? [q.kind]
        : TIMELINE_KINDS.filter((k) => k !== "automation" || q.automation !== "hide");
  const batches = await Promise.all(
    kinds.map((k): Promise<Entry[]> => {
      if (k === "event") return eventEntries(tenantId, customerId, q, r, cursor, tx);
      if (k === "automation") return runEntries(tenantId, customerId, q, r, cursor, tx);
      return feedEntries(k, tenantId, customerId, q, r, cursor, tx);
    }),
  );
  const entries = batches.flat().sort(newestFirst).slice(0, q.limit);
  const runs = entries.filter((e) => e.kind === "automation");
  const described = await describeAutomation(tenantId, runs.map((e) => e.row), tx);
  const runItems = new Map<Entry, TimelineAutomation>(runs.map((e, i) => [e, described[i]]));
  const items = entries.map((e) => (e.kind === "event" ? toTimelineEvent(e.event) : e.kind === "automation" ? runItems.get(e)! : toFeedItem(e.record)));
  const tickets = items.filter((i) => i.kind === "ticket");
  const [authors, handlers] = splitAt(
    await resolveAuthors(tenantId, [...items.map(authorRef), ...tickets.map((i) => ({ loginNo: i.handlerNo }))], tx),
    items.length,
  );
  return {
    items: items.map((item, i) =>
      item.kind === "ticket" ? { ...item, author: authors[i], handler: handlers[tickets.indexOf(item)] } : { ...item, author: authors[i] },
    ),
    nextCursor: entries.length === q.limit ? encodeCursor(entries[entries.length - 1]) : null,
  };
}
