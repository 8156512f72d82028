import { asDbOrTx, driver } from "@/lib/db/driver";
import { fail, isDomainError, type DomainError } from "@/lib/errors";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { submitEvents } from "./group-commit";
import type { Entry } from "./ingest";
import { countCustomerEvents, findCustomerEvents, findCustomerId, findEventTypeId, type EventColumns, type EventFilter } from "./repository";
import { MAX_BATCH_EVENTS, recordedByOf, type EventActor, type QueryCustomerEventsInput, type RecordEventInput } from "./schemas";
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
}

/** Kept for lib/feeds/timeline.ts: the one helper lives in lib/tenants/time-zone.ts. */
export { tenantTimeZone };

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
  const [outcome] = await submitEvents({ tenantId, timeZone, recordedBy: recordedByOf(actor), entries: [{ input }] });
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
 * Records up to 1,000 events, each checked on its own: valid ones are written (in one transaction),
 * invalid ones answer with their error. An item the caller could not parse comes as its DomainError
 * and fails alone, in its place.
 */
export async function recordEvents(
  tenantId: number,
  items: readonly (RecordEventInput | DomainError)[],
  actor: EventActor,
  opts: ServiceOptions = {},
): Promise<BatchItemResult[]> {
  if (items.length > MAX_BATCH_EVENTS) {
    throw fail("batch_too_large", `events holds at most ${MAX_BATCH_EVENTS} events`, { path: "events", params: { max: MAX_BATCH_EVENTS } });
  }
  const timeZone = opts.timeZone ?? (await tenantTimeZone(tenantId));
  const entries: Entry[] = items.map((item) => (isDomainError(item) ? { error: item } : { input: item }));
  const outcomes = await submitEvents({ tenantId, timeZone, recordedBy: recordedByOf(actor), entries });
  return outcomes.map((o, index) =>
    o.ok ? { index, ok: true, eventId: o.eventId, duplicate: o.duplicate } : { index, ok: false, error: o.error },
  );
}

/** startTime/endTime bounds: a wall-clock time covers its whole second, a bare date its whole day. */
function bounds(startTime: string | undefined, endTime: string | undefined, timeZone: string) {
  const instant = (value: string, end: boolean): Date => {
    const dateOnly = value.length === 10;
    const w = parseWallClock(value, dateOnly);
    if (!w) throw fail("invalid_time", `${end ? "endTime" : "startTime"} is malformed`, { path: end ? "endTime" : "startTime" });
    if (!end) return wallClockToInstant(w, timeZone);
    // the first instant after the bound: next second, or the start of the next day
    const next = new Date(Date.UTC(w.y, w.mo - 1, w.d + (dateOnly ? 1 : 0), w.h, w.mi, w.s + (dateOnly ? 0 : 1)));
    const parts = { y: next.getUTCFullYear(), mo: next.getUTCMonth() + 1, d: next.getUTCDate(), h: next.getUTCHours(), mi: next.getUTCMinutes(), s: next.getUTCSeconds() };
    return wallClockToInstant(parts, timeZone);
  };
  const from = startTime ? instant(startTime, false) : undefined;
  const before = endTime ? instant(endTime, true) : undefined;
  if (from && before && from >= before) {
    throw fail("range_reversed", "startTime is after endTime", { path: "startTime" });
  }
  return { from, before };
}

export interface CustomerEventsPage {
  /** the page's events, in the tenant's time zone for the caller to render */
  items: EventColumns[];
  total: number;
  pageNum: number;
  pageSize: number;
}

/** One page of the customer's events, newest first (the dialect's queryByCustomerId). */
export async function queryCustomerEvents(
  tenantId: number,
  input: QueryCustomerEventsInput,
  opts: ServiceOptions = {},
): Promise<CustomerEventsPage> {
  const timeZone = opts.timeZone ?? (await tenantTimeZone(tenantId));
  const { from, before } = bounds(input.startTime, input.endTime, timeZone);
  const tx = asDbOrTx(await driver());
  const customerId = await findCustomerId(tenantId, input, tx);
  if (customerId === null) {
    throw input.customerId !== undefined
      ? fail("customer_not_found", `customer ${input.customerId} not found`)
      : fail("customer_not_found", `no customer with ${input.identityType} "${input.identityValue}"`);
  }
  let eventTypeId: number | undefined;
  if (input.eventKey) {
    eventTypeId = (await findEventTypeId(tenantId, input.eventKey, tx)) ?? undefined;
    if (eventTypeId === undefined) throw fail("event_type_not_found", `event type "${input.eventKey}" not found`, { params: { eventKey: input.eventKey } });
  }
  const filter: EventFilter = { tenantId, customerId, eventTypeId, from, before };
  const [events, total] = await Promise.all([
    findCustomerEvents(filter, { offset: (input.pageNum - 1) * input.pageSize, limit: input.pageSize, columns: "query" }, tx),
    countCustomerEvents(filter, tx),
  ]);
  return { items: events, total, pageNum: input.pageNum, pageSize: input.pageSize };
}
