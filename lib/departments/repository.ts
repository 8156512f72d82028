import { db, type DbOrTx } from "@/lib/db/client";

export const departmentSelect = {
  id: true,
  name: true,
  createdAt: true,
  _count: { select: { users: true, customers: { where: { deletedAt: null } } } },
} as const;

export function findDepartments(tenantId: number, tx: DbOrTx = db) {
  return tx.department.findMany({ where: { tenantId }, select: departmentSelect, orderBy: { id: "asc" } });
}

export function findDepartment(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.department.findFirst({ where: { tenantId, id }, select: departmentSelect });
}

export function findDepartmentByName(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.department.findUnique({ where: { tenantId_name: { tenantId, name } }, select: { id: true } });
}

export function insertDepartment(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.department.create({ data: { tenantId, name }, select: departmentSelect });
}

export function updateDepartmentRow(id: number, name: string | undefined, tx: DbOrTx = db) {
  return tx.department.update({ where: { id }, data: { name }, select: departmentSelect });
}

export function deleteDepartmentRow(id: number, tx: DbOrTx = db) {
  return tx.department.delete({ where: { id } });
}
