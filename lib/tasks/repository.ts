import { db, type DbOrTx } from "@/lib/db/client";

export const taskSelect = {
  id: true,
  name: true,
  createdAt: true,
  _count: { select: { customers: { where: { deletedAt: null } } } },
} as const;

export function findTasks(tenantId: number, tx: DbOrTx = db) {
  return tx.task.findMany({ where: { tenantId }, select: taskSelect, orderBy: { id: "asc" } });
}

export function findTask(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.task.findFirst({ where: { tenantId, id }, select: taskSelect });
}

export function findTaskByName(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.task.findUnique({ where: { tenantId_name: { tenantId, name } }, select: { id: true, name: true } });
}

export function insertTask(tenantId: number, name: string, tx: DbOrTx = db) {
  return tx.task.create({ data: { tenantId, name }, select: taskSelect });
}

export function updateTaskRow(id: number, name: string | undefined, tx: DbOrTx = db) {
  return tx.task.update({ where: { id }, data: { name }, select: taskSelect });
}

export function deleteTaskRow(id: number, tx: DbOrTx = db) {
  return tx.task.delete({ where: { id } });
}
