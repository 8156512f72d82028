import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { requireEventCategoryByCode } from "@/lib/event-categories/service";
import { conflict, DomainError, invalid, notFound } from "@/lib/http/errors";
import { requireStageOfTenant } from "@/lib/stages/service";
import {
  findEventTypeById,
  findEventTypeByKey,
  findEventTypes,
  hasRecordedValues,
  insertEventType,
  replaceAttributes,
  updateEventTypeRow,
  type AttributeRowInput,
  type EventTypeRow,
} from "./repository";
import {
  createEventTypeSchema,
  updateEventTypeSchema,
  type CreateEventTypeInput,
  type EventType,
  type EventTypeFlowGroup,
  type ListEventTypesQuery,
  type UpdateEventTypeInput,
} from "./schemas";
import { serializeEventType } from "./serializers";

/** How callers name an event type: the console by id, the events dialect by eventKey. */
export type EventTypeRef = { id: number } | { eventKey: string };

const ENTITY = "EventType";

function describeRef(ref: EventTypeRef): string {
  return "id" in ref ? `event type ${ref.id}` : `event type with eventKey "${ref.eventKey}"`;
}

async function findByRef(tenantId: number, ref: EventTypeRef, tx: DbOrTx): Promise<EventTypeRow> {
  const row = "id" in ref ? await findEventTypeById(tenantId, ref.id, tx) : await findEventTypeByKey(tenantId, ref.eventKey, tx);
  if (!row) throw notFound(`no ${describeRef(ref)}`);
  return row;
}

/**
 * Live event types by id; `search` matches name or eventKey case-insensitively (in memory: a
 * tenant's event types are metadata, tens to hundreds, and SQLite's LIKE and PostgreSQL's ILIKE
 * disagree on non-ASCII case, so one rule here keeps both databases answering alike).
 */
export async function listEventTypes(tenantId: number, query: ListEventTypesQuery = {}): Promise<EventType[]> {
  const rows = await findEventTypes(tenantId, { includeArchived: query.includeArchived });
  const needle = query.search?.trim().toLocaleLowerCase();
  const hits = needle
    ? rows.filter((r) => r.name.toLocaleLowerCase().includes(needle) || r.eventKey.toLocaleLowerCase().includes(needle))
    : rows;
  return hits.map(serializeEventType);
}

/** One event type, archived ones included. */
export async function getEventType(tenantId: number, ref: EventTypeRef): Promise<EventType> {
  return serializeEventType(await findByRef(tenantId, ref, db));
}

async function categoryIdOf(tenantId: number, code: string | null | undefined, tx: DbOrTx): Promise<number | null | undefined> {
  if (code === undefined) return undefined;
  if (code === null) return null;
  return (await requireEventCategoryByCode(tenantId, code, tx)).id;
}

export async function createEventType(tenantId: number, input: CreateEventTypeInput, actor: Actor): Promise<EventType> {
  const data = createEventTypeSchema.parse(input);
  return db.$transaction(async (tx) => {
    const existing = await findEventTypeByKey(tenantId, data.eventKey, tx);
    if (existing) {
      throw conflict(
        existing.archivedAt
          ? `eventKey "${data.eventKey}" belongs to an archived event type; keys are never reused`
          : `eventKey "${data.eventKey}" already exists`,
      );
    }
    await requireStageOfTenant(tenantId, data.stageId, tx);
    const categoryId = (await categoryIdOf(tenantId, data.categoryCode, tx)) ?? null;
    const row = await insertEventType(
      tenantId,
      {
        eventKey: data.eventKey,
        name: data.name,
        isInteract: data.isInteract,
        rating: data.rating ?? null,
        stageId: data.stageId,
        categoryId,
        attributes: data.attributes,
      },
      tx,
    );
    const created = serializeEventType(row);
    await writeAudit(tx, tenantId, actor, { action: "event_type.create", entity: ENTITY, entityId: row.id, details: { after: created } });
    return created;
  });
}

/**
 * Attributes are matched by key. Changing an attribute's type is refused (409) once recorded events
 * carry a value for it: those values were checked against, and are indexed as, the old type.
 * Dropping an attribute, or adding one, is always allowed: recorded events keep their values.
 * (A key "rename" is a drop plus an add; old values stay under the old key.)
 */
async function assertSafeAttributeChange(before: EventTypeRow, next: AttributeRowInput[], tx: DbOrTx) {
  const oldTypes = new Map(before.attributes.map((a) => [a.attrKey, a.type]));
  for (const [i, attr] of next.entries()) {
    const old = oldTypes.get(attr.attrKey);
    if (old === undefined || old.toLowerCase() === attr.type.toLowerCase()) continue;
    if (await hasRecordedValues(before.id, attr.attrKey, tx)) {
      const message = `the type of attribute "${attr.attrKey}" cannot change from ${old} to ${attr.type}: recorded events already carry it`;
      throw new DomainError("conflict", message, { details: [{ path: `attributes.${i}.type`, message }] });
    }
  }
}

export async function updateEventType(
  tenantId: number,
  ref: EventTypeRef,
  input: UpdateEventTypeInput,
  actor: Actor,
): Promise<EventType> {
  const data = updateEventTypeSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findByRef(tenantId, ref, tx);
    if (before.archivedAt) throw conflict(`event type "${before.eventKey}" is archived; restore it in the console to change it`);
    if (data.eventKey !== undefined && data.eventKey !== before.eventKey) {
      const message = `cannot be changed (from "${before.eventKey}"): integrators and recorded events refer to it`;
      throw invalid(`eventKey: ${message}`, [{ path: "eventKey", message }]);
    }
    if (data.stageId !== undefined) await requireStageOfTenant(tenantId, data.stageId, tx);
    const categoryId = await categoryIdOf(tenantId, data.categoryCode, tx);
    if (data.attributes) await assertSafeAttributeChange(before, data.attributes, tx);

    await updateEventTypeRow(
      before.id,
      { name: data.name, isInteract: data.isInteract, rating: data.rating, stageId: data.stageId, categoryId },
      tx,
    );
    if (data.attributes) await replaceAttributes(before.id, data.attributes, tx);
    // re-read (and touch updatedAt even when only the attributes changed)
    const after = serializeEventType(await updateEventTypeRow(before.id, {}, tx));
    await writeAudit(tx, tenantId, actor, {
      action: "event_type.update",
      entity: ENTITY,
      entityId: before.id,
      details: { before: serializeEventType(before), after },
    });
    return after;
  });
}

/**
 * Delete = archive: the type leaves every list and accepts no new events; recorded events keep it,
 * and its eventKey stays taken. Archiving an archived type changes nothing (idempotent).
 */
export async function archiveEventType(tenantId: number, ref: EventTypeRef, actor: Actor): Promise<EventType> {
  return db.$transaction(async (tx) => {
    const before = await findByRef(tenantId, ref, tx);
    if (before.archivedAt) return serializeEventType(before);
    const after = serializeEventType(await updateEventTypeRow(before.id, { archivedAt: new Date() }, tx));
    await writeAudit(tx, tenantId, actor, { action: "event_type.archive", entity: ENTITY, entityId: before.id, details: { eventKey: before.eventKey } });
    return after;
  });
}

/** Brings an archived type back into lists (the console's undo of a delete). */
export async function restoreEventType(tenantId: number, ref: EventTypeRef, actor: Actor): Promise<EventType> {
  return db.$transaction(async (tx) => {
    const before = await findByRef(tenantId, ref, tx);
    if (!before.archivedAt) return serializeEventType(before);
    const after = serializeEventType(await updateEventTypeRow(before.id, { archivedAt: null }, tx));
    await writeAudit(tx, tenantId, actor, { action: "event_type.restore", entity: ENTITY, entityId: before.id, details: { eventKey: before.eventKey } });
    return after;
  });
}

/**
 * Live event types grouped by category for the automation editor: categories by their `sort`,
 * only those holding a type, then the ungrouped types (`category: null`); each type with only its
 * `showInFlow` attributes.
 */
export async function listEventTypeFlows(tenantId: number): Promise<EventTypeFlowGroup[]> {
  const rows = await findEventTypes(tenantId);
  const groups = new Map<number | null, { sort: number; group: EventTypeFlowGroup }>();
  for (const row of rows) {
    const key = row.category?.id ?? null;
    let entry = groups.get(key);
    if (!entry) {
      const c = row.category;
      entry = {
        sort: c ? c.sort : Number.POSITIVE_INFINITY,
        group: { category: c ? { id: c.id, code: c.code, name: c.name } : null, eventTypes: [] },
      };
      groups.set(key, entry);
    }
    const type = serializeEventType(row);
    entry.group.eventTypes.push({
      eventKey: type.eventKey,
      name: type.name,
      attributes: type.attributes.filter((a) => a.showInFlow).map(({ attrKey, attrName, type: t }) => ({ attrKey, attrName, type: t })),
    });
  }
  return [...groups.values()]
    .sort((a, b) => a.sort - b.sort || (a.group.category?.id ?? 0) - (b.group.category?.id ?? 0))
    .map((e) => e.group);
}
