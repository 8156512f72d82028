import { findCustomerEvents, type StoredEvent } from "@/lib/customer-events/repository";
import { CONTEXT_FIELDS, type ContextField } from "@/lib/customer-events/schemas";
import { tenantTimeZone } from "@/lib/customer-events/service";
import { parseTenantDate } from "@/lib/customer-events/time";
import { customerNotFound } from "@/lib/customers/service";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { resolveAuthors, type Author, type AuthorRef } from "./authors";
import { findFeedRecords, type FeedRecord, type FeedTimeCondition, type FeedWhere } from "./repository";
import { TIMELINE_KINDS, type FeedKind, type TimelineKind, type TimelineQuery } from "./schemas";
import { toFeedItem, type FeedItem } from "./serializers";

/**
 * The console's one timeline of a customer: recorded customer events (at their happenTime) merged
 * with the five history kinds, change records included (at their createdAt), newest first, keyset-paged across all six sources.
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
 * An item of the timeline: the event or history record, with who did it (`author`) and, for a
 * ticket, who handles it (`handler`), named from the users and API keys of the tenant.
 */
export type TimelineItem = (TimelineEvent | FeedItem) & { author: Author | null; handler?: Author | null };

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

/** Ties at one instant: events first, then history kinds by rank, then id (all descending). */
const RANK: Record<TimelineKind, number> = { event: 5, sms: 4, callLog: 3, followUp: 2, ticket: 1, alternation: 0 };

interface Cursor {
  t: number;
  r: number;
  id: number;
}

type Entry = { kind: "event"; at: Date; id: number; event: StoredEvent } | { kind: FeedKind; at: Date; id: number; record: FeedRecord };

function encodeCursor(e: Entry): string {
  return Buffer.from(JSON.stringify({ t: e.at.getTime(), r: RANK[e.kind], id: e.id })).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if ([c.t, c.r, c.id].every((n) => Number.isInteger(n))) return c;
  } catch {
    // falls through
  }
  throw fail("cursor_invalid", "cursor: is not a cursor this API gave", { path: "cursor" });
}

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

/** The rows of a history kind that come after the cursor in (time, rank, id) descending order. */
function feedAfter(kind: FeedKind, c: Cursor): FeedTimeCondition {
  const t = new Date(c.t);
  const rank = RANK[kind];
  if (rank < c.r) return { createdAt: { lte: t } };
  if (rank > c.r) return { createdAt: { lt: t } };
  return { OR: [{ createdAt: { lt: t } }, { createdAt: t, id: { lt: c.id } }] };
}

async function eventEntries(
  tenantId: number,
  customerId: number,
  q: TimelineQuery,
  r: { from?: Date; before?: Date },
  c: Cursor | null,
  tx: DbOrTx,
): Promise<Entry[]> {
  // events rank highest: after a history item's cursor only strictly older events follow (id < 0 never holds)
  const after = c ? { happenTime: new Date(c.t), id: c.r === RANK.event ? c.id : 0 } : undefined;
  const rows = await findCustomerEvents(
    { tenantId, customerId, eventTypeId: q.eventTypeId, from: r.from, before: r.before, after },
    { offset: 0, limit: q.limit },
    tx,
  );
  return rows.map((event) => ({ kind: "event" as const, at: new Date(event.happenTime), id: event.id, event }));
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
  if (c) and.push(feedAfter(kind, c));
  const where: FeedWhere = { tenantId, customerId, ...(and.length ? { AND: and } : {}) };
  const rows = await findFeedRecords(kind, { where, take: q.limit }, tx);
  return rows.map((record) => ({ kind, at: record.createdAt, id: record.id, record }));
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
function authorRef(item: TimelineEvent | FeedItem): AuthorRef {
  switch (item.kind) {
    case "event":
      return { recordedBy: item.recordedBy };
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
  // an event type narrows the timeline to events: history items have no type
  const kinds: TimelineKind[] = q.eventTypeId !== undefined ? (q.kind && q.kind !== "event" ? [] : ["event"]) : q.kind ? [q.kind] : [...TIMELINE_KINDS];
  const batches = await Promise.all(
    kinds.map((k) => (k === "event" ? eventEntries(tenantId, customerId, q, r, cursor, tx) : feedEntries(k, tenantId, customerId, q, r, cursor, tx))),
  );
  const entries = batches
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || RANK[b.kind] - RANK[a.kind] || b.id - a.id)
    .slice(0, q.limit);
  const items = entries.map((e) => (e.kind === "event" ? toTimelineEvent(e.event) : toFeedItem(e.record)));
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
