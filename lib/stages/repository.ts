import { db, type DbOrTx } from "@/lib/db/client";

export const stageSelect = { id: true, name: true, sort: true } as const;

export function findStages(tenantId: number, tx: DbOrTx = db) {
  return tx.lifecycleStage.findMany({ where: { tenantId }, select: stageSelect, orderBy: [{ sort: "asc" }, { id: "asc" }] });
}

export function findStage(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.lifecycleStage.findFirst({ where: { tenantId, id }, select: stageSelect });
}

export function findStageByName(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.lifecycleStage.findFirst({ where: { tenantId, name }, select: stageSelect });
}

export async function nextStageSort(tenantId: number, tx: DbOrTx = db): Promise<number> {
  const agg = await tx.lifecycleStage.aggregate({ where: { tenantId }, _max: { sort: true } });
  return (agg._max.sort ?? 0) + 1;
}

export function insertStage(tenantId: number, data: { name: string; sort: number }, tx: DbOrTx = db) {
  return tx.lifecycleStage.create({ data: { tenantId, ...data }, select: stageSelect });
}

export function updateStageRow(id: number, data: { name?: string; sort?: number }, tx: DbOrTx = db) {
  return tx.lifecycleStage.update({ where: { id }, data, select: stageSelect });
}

export function deleteStageRow(id: number, tx: DbOrTx = db) {
  return tx.lifecycleStage.delete({ where: { id }, select: { id: true } });
}

/** What still points at a stage: event types (archived ones too) and customers not deleted. */
export async function stageUsage(tenantId: number, id: number, tx: DbOrTx = db) {
  // one after the other: queries of an interactive transaction share one connection
  const eventTypes = await tx.eventType.count({ where: { tenantId, stageId: id } });
  const customers = await tx.customer.count({ where: { tenantId, stageId: id, deletedAt: null } });
  return { eventTypes, customers };
}

/**
 * How many event types (archived ones too) and customers (not deleted) use each of the tenant's
 * stages: one grouped count per table, whatever the number of stages. A stage nothing uses is absent.
 */
export async function stageUsageCounts(tenantId: number, tx: DbOrTx = db) {
  const eventTypes = await tx.eventType.groupBy({ by: ["stageId"], where: { tenantId, stageId: { not: null } }, _count: { _all: true } });
  const customers = await tx.customer.groupBy({ by: ["stageId"], where: { tenantId, deletedAt: null, stageId: { not: null } }, _count: { _all: true } });
  return {
    eventTypes: new Map(eventTypes.map((r) => [r.stageId as number, r._count._all])),
    customers: new Map(customers.map((r) => [r.stageId as number, r._count._all])),
  };
}
