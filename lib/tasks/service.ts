import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { deleteTaskRow, findTask, findTaskByName, findTasks, insertTask, updateTaskRow } from "./repository";
import { createTaskSchema, updateTaskSchema, type CreateTaskInput, type Task, type UpdateTaskInput } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findTask>>>;

function serialize(row: Row): Task {
  return { id: row.id, name: row.name, customerCount: row._count.customers, createdAt: row.createdAt.toISOString() };
}

export async function listTasks(tenantId: number, tx: DbOrTx = db): Promise<Task[]> {
  return (await findTasks(tenantId, tx)).map(serialize);
}

export async function getTask(tenantId: number, id: number): Promise<Task> {
  const row = await findTask(tenantId, id);
  if (!row) throw fail("task_not_found", `task ${id} not found`, { params: { id } });
  return serialize(row);
}

async function assertNameFree(tenantId: number, name: string, tx: DbOrTx, exceptId?: number) {
  const other = await findTaskByName(tenantId, name, tx);
  if (other && other.id !== exceptId) throw fail("name_taken", `a task named "${name}" already exists`, { path: "name", params: { name } });
}

export async function createTask(tenantId: number, input: CreateTaskInput, actor: Actor): Promise<Task> {
  const data = createTaskSchema.parse(input);
  return db.$transaction(async (tx) => {
    await assertNameFree(tenantId, data.name, tx);
    const row = await insertTask(tenantId, data.name, tx);
    await writeAudit(tx, tenantId, actor, { action: "task.create", entity: "Task", entityId: row.id, details: data });
    return serialize(row);
  });
}

export async function updateTask(tenantId: number, id: number, input: UpdateTaskInput, actor: Actor): Promise<Task> {
  const data = updateTaskSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findTask(tenantId, id, tx);
    if (!before) throw fail("task_not_found", `task ${id} not found`, { params: { id } });
    if (data.name !== undefined) await assertNameFree(tenantId, data.name, tx, id);
    const row = await updateTaskRow(id, data.name, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "task.update",
      entity: "Task",
      entityId: id,
      details: { before: { name: before.name }, after: { name: row.name } },
    });
    return serialize(row);
  });
}

/** Deletes a task no live customer belongs to; otherwise a 409 (move the customers first). */
export async function deleteTask(tenantId: number, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findTask(tenantId, id, tx);
    if (!row) throw fail("task_not_found", `task ${id} not found`, { params: { id } });
    if (row._count.customers) throw fail("task_in_use", `task "${row.name}" still has ${row._count.customers} customer(s)`, { params: { name: row.name } });
    await deleteTaskRow(id, tx);
    await writeAudit(tx, tenantId, actor, { action: "task.delete", entity: "Task", entityId: id, details: { name: row.name } });
  });
}
