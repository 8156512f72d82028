import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import {
  deleteEventCategoryRow,
  findEventCategories,
  findEventCategory,
  findEventCategoryByCode,
  insertEventCategory,
  nextEventCategorySort,
  ungroupEventTypes,
  updateEventCategoryRow,
} from "./repository";
import {
  createEventCategorySchema,
  updateEventCategorySchema,
  type CreateEventCategoryInput,
  type EventCategory,
  type UpdateEventCategoryInput,
} from "./schemas";
import { serializeEventCategory } from "./serializers";

export async function listEventCategories(tenantId: number): Promise<EventCategory[]> {
  return (await findEventCategories(tenantId)).map(serializeEventCategory);
}

export async function getEventCategory(tenantId: number, id: number): Promise<EventCategory> {
  const row = await findEventCategory(tenantId, id);
  if (!row) throw fail("category_not_found", `event category ${id} not found`, { params: { id } });
  return serializeEventCategory(row);
}

/** For other services: the id of the category with this code, or a 400 naming `path`. */
export async function requireEventCategoryByCode(tenantId: number, code: string, tx: DbOrTx = db, path = "categoryCode") {
  const row = await findEventCategoryByCode(tenantId, code, tx);
  if (!row) {
    const message = `no event category with code "${code}" in this tenant`;
    throw fail("category_unknown", `${path}: ${message}`, { details: [{ path, reason: "category_unknown", message, params: { code } }], params: { code } });
  }
  return serializeEventCategory(row);
}

async function assertCodeFree(tenantId: number, code: string, tx: DbOrTx, exceptId?: number) {
  const other = await findEventCategoryByCode(tenantId, code, tx);
  if (other && other.id !== exceptId) throw fail("category_code_taken", `an event category with code "${code}" already exists`, { path: "code", params: { code } });
}

export async function createEventCategory(tenantId: number, input: CreateEventCategoryInput, actor: Actor): Promise<EventCategory> {
  const data = createEventCategorySchema.parse(input);
  return db.$transaction(async (tx) => {
    await assertCodeFree(tenantId, data.code, tx);
    const sort = data.sort ?? (await nextEventCategorySort(tenantId, tx));
    const row = await insertEventCategory(tenantId, { code: data.code, name: data.name, sort }, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "event_category.create",
      entity: "EventCategory",
      entityId: row.id,
      details: { code: row.code, name: row.name, sort: row.sort },
    });
    return serializeEventCategory(row);
  });
}

/** Renaming the code is allowed: event types point at the category by id, not by code. */
export async function updateEventCategory(
  tenantId: number,
  id: number,
  input: UpdateEventCategoryInput,
  actor: Actor,
): Promise<EventCategory> {
  const data = updateEventCategorySchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findEventCategory(tenantId, id, tx);
    if (!before) throw fail("category_not_found", `event category ${id} not found`, { params: { id } });
    if (data.code !== undefined) await assertCodeFree(tenantId, data.code, tx, id);
    const row = await updateEventCategoryRow(id, { code: data.code, name: data.name, sort: data.sort }, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "event_category.update",
      entity: "EventCategory",
      entityId: id,
      details: { before: serializeEventCategory(before), after: serializeEventCategory(row) },
    });
    return serializeEventCategory(row);
  });
}

/** Deletes a category; its event types become ungrouped (`category: null` in the flows list). */
export async function deleteEventCategory(tenantId: number, id: number, actor: Actor): Promise<{ ungroupedEventTypes: number }> {
  return db.$transaction(async (tx) => {
    const row = await findEventCategory(tenantId, id, tx);
    if (!row) throw fail("category_not_found", `event category ${id} not found`, { params: { id } });
    const ungrouped = await ungroupEventTypes(tenantId, id, tx);
    await deleteEventCategoryRow(id, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "event_category.delete",
      entity: "EventCategory",
      entityId: id,
      details: { code: row.code, name: row.name, ungroupedEventTypes: ungrouped },
    });
    return { ungroupedEventTypes: ungrouped };
  });
}
