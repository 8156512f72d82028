import { db } from "@/lib/db/client";
import { invalid, notFound, toDomainError, type DomainError } from "@/lib/http/errors";
import { submitEvents } from "./group-commit";
import type { Entry } from "./ingest";
import { countCustomerEvents, findCustomerEvents, findCustomerId, findEventTypeId, type EventFilter, type StoredEvent } from "./repository";
import {
  createCustomerEventBody,
  listCustomerEventsQuery,
  MAX_BATCH_EVENTS,
  recordedByOf,
  type EventActor,
  type ListCustomerEventsOptions,
  type QueryCustomerEventsInput,
  type RecordEventInput,
} from "./schemas";
import { decodeCursor, encodeCursor, toWireEvent, type WireEvent } from "./serializers";
import { parseWallClock, wallClockToInstant } from "./time";

/**
 * Customer events: recording (one, or a batch whose items succeed or fail one by one) and reading
 * (the dialect's paged query, the console's timeline). Recording an event also moves the customer to
 * the type's stage, adds the type's rating to the customer's score and queues the scenarios the type
 * starts, in the transaction that writes the event (see ingest.ts).
 */

export interface ServiceOptions {
  /** the tenant's time zone when the caller already knows it (API keys carry it); else looked up */
  timeZone?: string;
  /** the Request of a route wrapped in `expectingEvents` (group commit waits for it, see there) */
  arrival?: object;
}

const zoneCache = new Map<number, { zone: string; until: number }>();

/** The tenant's time zone, cached for a minute. */
export async function tenantTimeZone(tenantId: number): Promise<string> {
  const hit = zoneCache.get(tenantId);
  if (hit && hit.until > Date.now()) return hit.zone;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } });
  if (!tenant) throw notFound("tenant not found");
  zoneCache.set(tenantId, { zone: tenant.timeZone, until: Date.now() + 60_000 });
  return tenant.timeZone;
}

export interface RecordedEvent {
  eventId: number;
  /** true when the eventId had been recorded before: nothing was written this time */
  duplicate: boolean;
}

/**
 * Records one event. Throws a DomainError naming the problem (unknown customer or event type,
 * archived type, an attribute that is undefined, of another type or unparsable, a bad time).
 */
export async function recordEvent(
  tenantId: number,
  input: RecordEventInput,
  actor: EventActor,
  opts: ServiceOptions = {},
): Promise<RecordedEvent> {
  const timeZone = opts.timeZone ?? (await tenantTimeZone(tenantId));
  const [outcome] = await submitEvents({ tenantId, timeZone, recordedBy: recordedByOf(actor), entries: [{ input }] }, opts.arrival);
  if (!outcome.ok) throw outcome.error;
  return { eventId: outcome.eventId, duplicate: outcome.duplicate };
}

export interface BatchItemResult {
  index: number;
  ok: boolean;
  eventId?: number;
  duplicate?: boolean;
  error?: DomainError;
}

/**
 * Records up to 1,000 events given as raw `customer-event/create` bodies. Each is parsed and checked
 * on its own: valid ones are written (in one transaction), invalid ones answer with their error.
 */
export async function recordEvents(
  tenantId: number,
  items: readonly unknown[],
  actor: EventActor,
  opts: ServiceOptions = {},
): Promise<BatchItemResult[]> {
  if (items.length > MAX_BATCH_EVENTS) throw invalid(`events holds at most ${MAX_BATCH_EVENTS} events`, [{ path: "events", message: "too many" }]);
  const timeZone = opts.timeZone ?? (await tenantTimeZone(tenantId));
  const entries: Entry[] = items.map((raw) => {
    const parsed = createCustomerEventBody.safeParse(raw);
    return parsed.success ? { input: parsed.data } : { error: toDomainError(parsed.error) };
  });
  const outcomes = await submitEvents({ tenantId, timeZone, recordedBy: recordedByOf(actor), entries }, opts.arrival);
  return outcomes.map((o, index) =>
    o.ok ? { index, ok: true, eventId: o.eventId, duplicate: o.duplicate } : { index, ok: false, error: o.error },
  );
}

/** startTime/endTime bounds: a wall-clock time covers its whole second, a bare date its whole day. */
function bounds(startTime: string | undefined, endTime: string | undefined, timeZone: string) {
  const instant = (value: string, end: boolean): Date => {
    const dateOnly = value.length === 10;
    const w = parseWallClock(value, dateOnly);
    if (!w) throw invalid(`${end ? "endTime" : "startTime"} is malformed`);
    if (!end) return wallClockToInstant(w, timeZone);
    // the first instant after the bound: next second, or the start of the next day
    const next = new Date(Date.UTC(w.y, w.mo - 1, w.d + (dateOnly ? 1 : 0), w.h, w.mi, w.s + (dateOnly ? 0 : 1)));
    const parts = { y: next.getUTCFullYear(), mo: next.getUTCMonth() + 1, d: next.getUTCDate(), h: next.getUTCHours(), mi: next.getUTCMinutes(), s: next.getUTCSeconds() };
    return wallClockToInstant(parts, timeZone);
  };
  const from = startTime ? instant(startTime, false) : undefined;
  const before = endTime ? instant(endTime, true) : undefined;
  if (from && before && from >= before) {
    throw invalid("startTime is after endTime", [{ path: "startTime", message: "after endTime" }]);
  }
  return { from, before };
}

export interface CustomerEventsPage {
  items: WireEvent[];
  total: number;
  pageNum: number;
  pageSize: number;
}

/** `queryByCustomerId`: one page of the customer's events, newest first, in the dialect's shape. */
export async function queryCustomerEvents(
  tenantId: number,
  input: QueryCustomerEventsInput,
  opts: ServiceOptions = {},
): Promise<CustomerEventsPage> {
  const timeZone = opts.timeZone ?? (await tenantTimeZone(tenantId));
  const { from, before } = bounds(input.startTime, input.endTime, timeZone);
  const customerId = await findCustomerId(tenantId, input);
  if (customerId === null) {
    throw input.customerId !== undefined
      ? notFound(`customer ${input.customerId} not found`, "CustomerNotFound")
      : notFound(`no customer with ${input.identityType} "${input.identityValue}"`, "CustomerNotFound");
  }
  let eventTypeId: number | undefined;
  if (input.eventKey) {
    eventTypeId = (await findEventTypeId(tenantId, input.eventKey)) ?? undefined;
    if (eventTypeId === undefined) throw notFound(`event type "${input.eventKey}" not found`, "EventTypeNotFound");
  }
  const filter: EventFilter = { tenantId, customerId, eventTypeId, from, before };
  const [events, total] = await Promise.all([
    findCustomerEvents(filter, { offset: (input.pageNum - 1) * input.pageSize, limit: input.pageSize, columns: "wire" }),
    countCustomerEvents(filter),
  ]);
  return { items: events.map((e) => toWireEvent(e, timeZone)), total, pageNum: input.pageNum, pageSize: input.pageSize };
}

export interface CustomerTimeline {
  items: StoredEvent[];
  /** pass as `cursor` for the next (older) page; null on the last page */
  nextCursor: string | null;
}

/**
 * The console's timeline of one customer: newest first, keyset-paged (stable while new events
 * arrive), optionally of one event type and within [from, to).
 */
export async function listCustomerEvents(
  tenantId: number,
  customerId: number,
  options: ListCustomerEventsOptions = {},
): Promise<CustomerTimeline> {
  const o = listCustomerEventsQuery.parse(options);
  const filter: EventFilter = {
    tenantId,
    customerId,
    eventTypeId: o.eventTypeId,
    from: o.from,
    before: o.to,
    after: o.cursor ? decodeCursor(o.cursor) : undefined,
  };
  const rows = await findCustomerEvents(filter, { offset: 0, limit: o.limit + 1 });
  const items = rows.slice(0, o.limit);
  return { items, nextCursor: rows.length > o.limit ? encodeCursor(items[items.length - 1]) : null };
}
