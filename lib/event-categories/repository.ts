import { db, type DbOrTx } from "@/lib/db/client";

export const eventCategorySelect = {
  id: true,
  code: true,
  name: true,
  sort: true,
  _count: { select: { eventTypes: { where: { archivedAt: null } } } },
} as const;

export function findEventCategories(tenantId: number, tx: DbOrTx = db) {
  return tx.eventCategory.findMany({
    where: { tenantId },
    select: eventCategorySelect,
    orderBy: [{ sort: "asc" }, { id: "asc" }],
  });
}

export function findEventCategory(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.eventCategory.findFirst({ where: { tenantId, id }, select: eventCategorySelect });
}

export function findEventCategoryByCode(tenantId: number, code: string, tx: DbOrTx = db) {
  return tx.eventCategory.findUnique({ where: { tenantId_code: { tenantId, code } }, select: eventCategorySelect });
}

export async function nextEventCategorySort(tenantId: number, tx: DbOrTx = db): Promise<number> {
  const agg = await tx.eventCategory.aggregate({ where: { tenantId }, _max: { sort: true } });
  return (agg._max.sort ?? 0) + 1;
}

export function insertEventCategory(tenantId: number, data: { code: string; name: string; sort: number }, tx: DbOrTx = db) {
  return tx.eventCategory.create({ data: { tenantId, ...data }, select: eventCategorySelect });
}

export function updateEventCategoryRow(id: number, data: { code?: string; name?: string; sort?: number }, tx: DbOrTx = db) {
  return tx.eventCategory.update({ where: { id }, data, select: eventCategorySelect });
}

/** Ungroups the category's event types (archived ones too); returns how many. */
export async function ungroupEventTypes(tenantId: number, categoryId: number, tx: DbOrTx = db): Promise<number> {
  const res = await tx.eventType.updateMany({ where: { tenantId, categoryId }, data: { categoryId: null } });
  return res.count;
}

export function deleteEventCategoryRow(id: number, tx: DbOrTx = db) {
  return tx.eventCategory.delete({ where: { id }, select: { id: true } });
}
