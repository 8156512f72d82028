import { db, type DbOrTx } from "@/lib/db/client";

export const labelSelect = {
  id: true,
  name: true,
  _count: { select: { customers: { where: { customer: { deletedAt: null } } } } },
} as const;

export function findLabels(tenantId: number, tx: DbOrTx = db) {
  return tx.label.findMany({ where: { tenantId }, select: labelSelect, orderBy: { name: "asc" } });
}

export function findLabelByName(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.label.findUnique({ where: { tenantId_name: { tenantId, name } }, select: labelSelect });
}

export function findLabelsByNames(tenantId: number, names: string[], tx: DbOrTx = db) {
  return tx.label.findMany({ where: { tenantId, name: { in: names } }, select: { id: true, name: true } });
}

export function insertLabel(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.label.create({ data: { tenantId, name }, select: labelSelect });
}

/** Creates the label unless it exists (a concurrent creator wins quietly). */
export function upsertLabel(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.label.upsert({
    where: { tenantId_name: { tenantId, name } },
    create: { tenantId, name },
    update: {},
    select: { id: true, name: true },
  });
}
