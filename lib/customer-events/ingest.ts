import { asDbOrTx, driver, type Runner } from "@/lib/db/driver";
import { fail, summarize, type DomainError, type ErrorDetail } from "@/lib/errors";
import { startRunsForTrigger, type EventTrigger } from "@/lib/scenarios/runs";
import { eventFailure } from "./errors";
import {
  findEventTypesByKeys,
  findLiveCustomerIds,
  findRecordedKeys,
  identityKey,
  resolveIdentities,
  type EventTypeRow,
} from "./repository";
import {
  applyCustomerEffects,
  insertAttributes,
  insertEvents,
  type CustomerEffect,
  type NewAttributeRow,
  type NewEventRow,
} from "./repository-writes";
import { canonicalAttributeType, type ContextField, type RecordEventInput } from "./schemas";
import { parseWallClock, wallClockToInstant } from "./time";

/**
 * The ingestion core shared by single creates (through group-commit.ts), batchCreate and the
 * console: validate a batch in memory against event types, customers and recorded idempotency keys
 * loaded once per batch, then write every valid event in one transaction with multi-row
 * statements. Each event stays all-or-nothing and fails alone: if the shared work fails (a lookup
 * or the transaction), the batches are retried one by one, then the entries of a failing batch one
 * per transaction, so that one bad event (of any tenant) cannot take the others down.
 */

export type Outcome = { ok: true; eventId: number; duplicate: boolean } | { ok: false; error: DomainError };

/** One event to record: parsed input (or the reason it could not be parsed) and its context. */
export interface Entry {
  input?: RecordEventInput;
  error?: DomainError;
}

export interface Batch {
  tenantId: number;
  timeZone: string;
  recordedBy: string | null;
  entries: Entry[];
}

interface Ready {
  batch: number;
  index: number;
  type: EventTypeRow;
  row: NewEventRow;
  attributes: NewAttribute[];
}

type NewAttribute = Omit<NewAttributeRow, "eventId" | "tenantId" | "eventTypeId">;

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Checks the attributes against the type's declaration; typed values for storage, or the errors. */
function checkAttributes(input: RecordEventInput, type: EventTypeRow, timeZone: string, details: ErrorDetail[]) {
  const out: NewAttribute[] = [];
  const seen = new Set<string>();
  input.attributes.forEach((a, i) => {
    const path = `attrValueList.${i}`;
    const declared = type.attributes.get(a.attrKey);
    if (!declared) {
      details.push({ path, reason: "attribute_unknown", message: `attribute "${a.attrKey}" is not defined for event type "${type.eventKey}"` });
      return;
    }
    if (seen.has(a.attrKey)) {
      details.push({ path, message: `attribute "${a.attrKey}" is given more than once` });
      return;
    }
    seen.add(a.attrKey);
    if (a.type !== undefined) {
      const given = canonicalAttributeType(a.type);
      if (!given) {
        details.push({ path, message: `attribute "${a.attrKey}": type "${a.type}" is not one of text, value, Date, DateTime` });
        return;
      }
      if (given !== declared) {
        details.push({ path, message: `attribute "${a.attrKey}" is of type ${declared}, not ${given}` });
        return;
      }
    }
    const raw = declared === "text" ? a.attrValue : a.attrValue.trim();
    let numValue: number | null = null;
    let timeValue: Date | null = null;
    if (declared === "value") {
      numValue = NUMBER.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(numValue)) {
        details.push({ path, message: `attribute "${a.attrKey}": "${a.attrValue}" is not a number (type value)` });
        return;
      }
    } else if (declared === "Date" || declared === "DateTime") {
      const w = parseWallClock(raw, declared === "Date");
      if (!w) {
        const form = declared === "Date" ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
        details.push({ path, message: `attribute "${a.attrKey}": "${a.attrValue}" is not a ${declared} (${form})` });
        return;
      }
      timeValue = wallClockToInstant(w, timeZone);
    }
    out.push({ attrKey: a.attrKey, type: declared, value: raw, numValue, timeValue });
  });
  return out;
}

/** Wall clock → instant, memoised per batch (events of one batch often share their times). */
function instantReader(timeZone: string) {
  const memo = new Map<string, Date | null>();
  return (value: string | undefined, field: string, details: ErrorDetail[]): Date | undefined => {
    if (value === undefined) return undefined;
    let instant = memo.get(value);
    if (instant === undefined) {
      const w = parseWallClock(value);
      instant = w ? wallClockToInstant(w, timeZone) : null;
      memo.set(value, instant);
    }
    if (instant) return new Date(instant);
    details.push({ path: field, reason: "invalid_time", message: `must be a valid time "yyyy-MM-dd HH:mm:ss" (years 1900 to 2999)` });
    return undefined;
  };
}

/**
 * Validates the batches (grouped by tenant for the lookups). Fills `outcomes` for every entry that
 * is settled without writing (invalid, or an already recorded eventId) and returns the rest.
 */
async function prepare(batches: Batch[], outcomes: Outcome[][], run: Runner): Promise<Ready[]> {
  const tx = asDbOrTx(run);
  const ready: Ready[] = [];
  const byTenant = new Map<number, number[]>();
  batches.forEach((b, i) => byTenant.set(b.tenantId, [...(byTenant.get(b.tenantId) ?? []), i]));

  for (const [tenantId, members] of byTenant) {
    const live = members.flatMap((bi) =>
      batches[bi].entries.flatMap((e, index) => {
        if (!e.input) {
          outcomes[bi][index] = { ok: false, error: e.error ?? fail("invalid_input", "malformed event") };
          return [];
        }
        return [{ bi, index, input: e.input }];
      }),
    );
    const keys = live.flatMap((l) => (l.input.eventId ? [l.input.eventId] : []));
    const recorded = keys.length ? await findRecordedKeys(tenantId, keys, tx) : new Map<string, number>();
    const todo = live.filter((l) => {
      const existing = l.input.eventId ? recorded.get(l.input.eventId) : undefined;
      if (existing !== undefined) outcomes[l.bi][l.index] = { ok: true, eventId: existing, duplicate: true };
      return existing === undefined;
    });
    if (!todo.length) continue;

    const types = await findEventTypesByKeys(tenantId, todo.map((l) => l.input.eventKey), tx);
    const ids = todo.flatMap((l) => (l.input.customerId !== undefined ? [l.input.customerId] : []));
    const liveIds = ids.length ? await findLiveCustomerIds(tenantId, ids, tx) : new Set<number>();
    const refs = todo.flatMap((l) =>
      l.input.customerId === undefined && l.input.identityType && l.input.identityValue
        ? [{ type: l.input.identityType, value: l.input.identityValue }]
        : [],
    );
    const byIdentity = refs.length ? await resolveIdentities(tenantId, refs, tx) : new Map<string, number>();
    const instants = new Map<string, ReturnType<typeof instantReader>>();

    for (const { bi, index, input } of todo) {
      const batch = batches[bi];
      const refuse = (error: DomainError) => (outcomes[bi][index] = { ok: false, error });
      const type = types.get(input.eventKey);
      if (!type) {
        refuse(fail("event_type_not_found", `event type "${input.eventKey}" not found`, { params: { eventKey: input.eventKey } }));
        continue;
      }
      if (type.archived) {
        refuse(
          fail("event_type_archived", `event type "${input.eventKey}" is archived and accepts no new events`, {
            path: "event",
            params: { eventKey: input.eventKey },
          }),
        );
        continue;
      }
      const details: ErrorDetail[] = [];
      let toInstant = instants.get(batch.timeZone);
      if (!toInstant) instants.set(batch.timeZone, (toInstant = instantReader(batch.timeZone)));
      const happenTime = toInstant(input.happenTime, "happenTime", details);
      const scheduledTime = toInstant(input.scheduledTime, "scheduledTime", details);
      const attributes = checkAttributes(input, type, batch.timeZone, details);
      if (details.length || !happenTime) {
        const reason = details.every((d) => d.reason === "invalid_time") ? "invalid_time" : details.some((d) => d.reason === "attribute_unknown") ? "attribute_unknown" : "attribute_invalid";
        refuse(fail(reason, summarize(details), { details }));
        continue;
      }
      let customerId: number | undefined;
      if (input.customerId !== undefined) {
        if (liveIds.has(input.customerId)) customerId = input.customerId;
        else refuse(fail("customer_not_found", `customer ${input.customerId} not found`, { params: { customerId: input.customerId } }));
      } else if (input.identityType && input.identityValue) {
        customerId = byIdentity.get(identityKey(input.identityType, input.identityValue));
        if (customerId === undefined) {
          refuse(
            fail("customer_not_found", `no customer with ${input.identityType} "${input.identityValue}"`, {
              params: { identityType: input.identityType, identityValue: input.identityValue },
            }),
          );
        }
      } else {
        refuse(fail("customer_ref_missing", "customerId or identityType + identityValue is required", { path: "customerId" }));
      }
      if (customerId === undefined) continue;

      // every column named (absent ones undefined): one object shape for all rows, where adding
      // the given context fields one by one cost ~6 ms a batch of 1,000 in property lookups
      const row = {
        tenantId,
        customerId,
        eventTypeId: type.id,
        eventKey: type.eventKey,
        eventName: input.eventName ?? type.name,
        eventValue: input.eventValue,
        happenTime,
        scheduledTime,
        idempotencyKey: input.eventId,
        recordedBy: batch.recordedBy,
        source: input.source,
        source1: input.source1,
        source2: input.source2,
        source3: input.source3,
        source4: input.source4,
        source5: input.source5,
        source6: input.source6,
        source7: input.source7,
        source8: input.source8,
        province: input.province,
        city: input.city,
        district: input.district,
        latitude: input.latitude,
        longitude: input.longitude,
      } satisfies NewEventRow & Record<ContextField, string | undefined>;
      ready.push({ batch: bi, index, type, row, attributes });
    }
  }
  return ready;
}

/**
 * Writes events in one transaction: events, attributes, customer stage and score, and the scenario
 * runs the events start (lib/scenarios, in the same transaction).
 */
async function write(items: Ready[], now: Date): Promise<(number | null)[]> {
  return (await driver()).transaction(
    async (run) => {
      const tx = asDbOrTx(run);
      const ids = await insertEvents(tx, items.map((r) => r.row), now);
      const attributes: NewAttributeRow[] = [];
      const effects = new Map<number, CustomerEffect>();
      const triggers: EventTrigger[] = [];
      items.forEach((r, i) => {
        const eventId = ids[i];
        if (eventId == null) return;
        const { tenantId, customerId, eventTypeId } = r.row;
        for (const a of r.attributes) {
          attributes.push({ tenantId, eventTypeId, eventId, attrKey: a.attrKey, type: a.type, value: a.value, numValue: a.numValue, timeValue: a.timeValue });
        }
        const effect = effects.get(customerId) ?? { customerId, stageId: null, scoreDelta: 0 };
        if (r.type.stageId != null) effect.stageId = r.type.stageId;
        effect.scoreDelta += r.type.rating ?? 0;
        effects.set(customerId, effect);
        triggers.push({
          kind: "event",
          tenantId,
          customerId,
          eventTypeId,
          eventId,
          eventKey: r.row.eventKey,
          happenTime: r.row.happenTime,
          scheduledTime: r.row.scheduledTime,
          attributes: Object.fromEntries(r.attributes.map((a) => [a.attrKey, a.value])),
          idempotencyKey: r.row.idempotencyKey,
        });
      });
      if (attributes.length) await insertAttributes(tx, attributes);
      const changed = [...effects.values()].filter((e) => e.stageId != null || e.scoreDelta !== 0);
      if (changed.length) await applyCustomerEffects(tx, changed, now);
      if (triggers.length) await startRunsForTrigger(tx, triggers, now);
      return ids;
    },
  );
}

/** Lock waits that a second attempt usually gets past (PostgreSQL deadlock / serialization, SQLite busy). */
function retryable(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ""} ${(err as Error)?.message ?? ""}`;
  return /P2034|40P01|40001|deadlock|could not serialize|SQLITE_BUSY|database is locked/i.test(text);
}

async function writeWithRetry(items: Ready[]): Promise<(number | null)[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(items, new Date());
    } catch (err) {
      if (attempt >= 3 || !retryable(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

/**
 * Records the entries of one or more batches; returns one outcome per entry, in order. Events that
 * share an eventId within the batches are written once: the first valid one wins.
 */
async function ingestTogether(batches: Batch[]): Promise<Outcome[][]> {
  const outcomes: Outcome[][] = batches.map((b) => new Array<Outcome>(b.entries.length));
  const run = await driver();
  const ready = await prepare(batches, outcomes, run);

  // eventIds repeated inside the batches: only the first is written, the others follow its outcome.
  const firstOfKey = new Map<string, Ready>();
  const followers: { item: Ready; leader: Ready }[] = [];
  const toWrite = ready.filter((r) => {
    if (!r.row.idempotencyKey) return true;
    const key = `${r.row.tenantId}\u0000${r.row.idempotencyKey}`;
    const leader = firstOfKey.get(key);
    if (leader) followers.push({ item: r, leader });
    else firstOfKey.set(key, r);
    return !leader;
  });

  // Customer order (stable, so each customer's events keep theirs) makes the random part of the
  // writes, the customer rows and the per-customer event index, walk the B-trees in order.
  toWrite.sort((a, b) => a.row.customerId - b.row.customerId);

  let ids: (number | null)[] = [];
  if (toWrite.length) {
    try {
      ids = await writeWithRetry(toWrite);
    } catch (err) {
      if (toWrite.length === 1) {
        ids = [null];
        outcomes[toWrite[0].batch][toWrite[0].index] = { ok: false, error: eventFailure(err) };
      } else {
        // Isolate the failure: one transaction per event.
        ids = [];
        for (const item of toWrite) {
          try {
            ids.push((await writeWithRetry([item]))[0]);
          } catch (e) {
            ids.push(null);
            outcomes[item.batch][item.index] = { ok: false, error: eventFailure(e) };
          }
        }
      }
    }
  }

  // Keys another writer recorded between our pre-check and our insert (skipped by ON CONFLICT).
  const raced = toWrite.filter((r, i) => ids[i] == null && !outcomes[r.batch][r.index]);
  const racedIds = new Map<string, number>();
  for (const tenantId of new Set(raced.map((r) => r.row.tenantId))) {
    const found = await findRecordedKeys(tenantId, raced.filter((r) => r.row.tenantId === tenantId).map((r) => r.row.idempotencyKey!), asDbOrTx(run));
    for (const [k, id] of found) racedIds.set(`${tenantId}\u0000${k}`, id);
  }
  toWrite.forEach((r, i) => {
    if (outcomes[r.batch][r.index]) return;
    const id = ids[i];
    if (id != null) outcomes[r.batch][r.index] = { ok: true, eventId: id, duplicate: false };
    else {
      const existing = racedIds.get(`${r.row.tenantId}\u0000${r.row.idempotencyKey}`);
      outcomes[r.batch][r.index] =
        existing !== undefined
          ? { ok: true, eventId: existing, duplicate: true }
          : { ok: false, error: fail("internal", "the event could not be recorded") };
    }
  });
  for (const { item, leader } of followers) {
    const lead = outcomes[leader.batch][leader.index];
    outcomes[item.batch][item.index] = lead.ok ? { ok: true, eventId: lead.eventId, duplicate: true } : lead;
  }
  return outcomes;
}

/**
 * Records the entries of one or more batches; returns one outcome per entry, in order. Events that
 * share an eventId within the batches are written once: the first valid one wins.
 *
 * Whatever breaks while the batches are handled together (a lookup or a write the database refuses
 * for one event's values) fails only the events it belongs to: the batches are retried one by one,
 * and a batch that still fails is retried one entry at a time.
 */
export async function ingest(batches: Batch[]): Promise<Outcome[][]> {
  try {
    return await ingestTogether(batches);
  } catch (err) {
    if (batches.length > 1) {
      const out: Outcome[][] = [];
      for (const b of batches) out.push((await ingest([b]))[0]);
      return out;
    }
    const [batch] = batches;
    if (batch.entries.length <= 1) return [batch.entries.map(() => ({ ok: false, error: eventFailure(err) }))];
    const out: Outcome[] = [];
    for (const entry of batch.entries) out.push(...(await ingest([{ ...batch, entries: [entry] }]))[0]);
    return [out];
  }
}
