import type { Prisma } from "@/generated/sqlite/client";
import { db, type DbOrTx } from "@/lib/db/client";

export const definitionSelect = {
  id: true,
  name: true,
  type: true,
  required: true,
  options: true,
  sort: true,
} as const;

export function findDefinitions(tenantId: number, tx: DbOrTx = db) {
  return tx.customFieldDefinition.findMany({ where: { tenantId }, select: definitionSelect, orderBy: [{ sort: "asc" }, { id: "asc" }] });
}

export function findDefinition(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.customFieldDefinition.findFirst({ where: { tenantId, id }, select: definitionSelect });
}

export function findDefinitionByName(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.customFieldDefinition.findUnique({ where: { tenantId_name: { tenantId, name } }, select: { id: true } });
}

export function insertDefinition(tenantId: number, data: Omit<Prisma.CustomFieldDefinitionUncheckedCreateInput, "tenantId">, tx: DbOrTx = db) {
  return tx.customFieldDefinition.create({ data: { ...data, tenantId }, select: definitionSelect });
}

export function updateDefinitionRow(id: number, data: Prisma.CustomFieldDefinitionUpdateInput, tx: DbOrTx = db) {
  return tx.customFieldDefinition.update({ where: { id }, data, select: definitionSelect });
}

export function deleteDefinitionRow(id: number, tx: DbOrTx = db) {
  return tx.customFieldDefinition.delete({ where: { id } });
}

export function countValues(fieldId: number, tx: DbOrTx = db) {
  return tx.customFieldValue.count({ where: { fieldId } });
}

export function maxSort(tenantId: number, tx: DbOrTx = db) {
  return tx.customFieldDefinition.aggregate({ where: { tenantId }, _max: { sort: true } });
}

export function findValues(customerId: number, tx: DbOrTx = db) {
  return tx.customFieldValue.findMany({ where: { customerId }, select: { fieldId: true, value: true } });
}

export function upsertValue(
  customerId: number,
  fieldId: number,
  value: string,
  tx: DbOrTx = db,
  typed: { numValue: number | null; dateValue: Date | null } = { numValue: null, dateValue: null },
) {
  return tx.customFieldValue.upsert({
    where: { customerId_fieldId: { customerId, fieldId } },
    create: { customerId, fieldId, value, ...typed },
    update: { value, ...typed },
  });
}

export function deleteValue(customerId: number, fieldId: number, tx: DbOrTx = db) {
  return tx.customFieldValue.deleteMany({ where: { customerId, fieldId } });
}
