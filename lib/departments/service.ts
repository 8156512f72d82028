import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import {
  deleteDepartmentRow,
  findDepartment,
  findDepartmentByName,
  findDepartments,
  insertDepartment,
  updateDepartmentRow,
} from "./repository";
import {
  createDepartmentSchema,
  updateDepartmentSchema,
  type CreateDepartmentInput,
  type Department,
  type UpdateDepartmentInput,
} from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findDepartment>>>;

function serialize(row: Row): Department {
  return {
    id: row.id,
    name: row.name,
    userCount: row._count.users,
    customerCount: row._count.customers,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listDepartments(tenantId: number, tx: DbOrTx = db): Promise<Department[]> {
  return (await findDepartments(tenantId, tx)).map(serialize);
}

export async function getDepartment(tenantId: number, id: number): Promise<Department> {
  const row = await findDepartment(tenantId, id);
  if (!row) throw fail("department_not_found", `department ${id} not found`, { params: { id } });
  return serialize(row);
}

async function assertNameFree(tenantId: number, name: string, tx: DbOrTx, exceptId?: number) {
  const other = await findDepartmentByName(tenantId, name, tx);
  if (other && other.id !== exceptId) throw fail("name_taken", `a department named "${name}" already exists`, { path: "name", params: { name } });
}

export async function createDepartment(tenantId: number, input: CreateDepartmentInput, actor: Actor): Promise<Department> {
  const data = createDepartmentSchema.parse(input);
  return db.$transaction(async (tx) => {
    await assertNameFree(tenantId, data.name, tx);
    const row = await insertDepartment(tenantId, data.name, tx);
    await writeAudit(tx, tenantId, actor, { action: "department.create", entity: "Department", entityId: row.id, details: data });
    return serialize(row);
  });
}

export async function updateDepartment(tenantId: number, id: number, input: UpdateDepartmentInput, actor: Actor): Promise<Department> {
  const data = updateDepartmentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findDepartment(tenantId, id, tx);
    if (!before) throw fail("department_not_found", `department ${id} not found`, { params: { id } });
    if (data.name !== undefined) await assertNameFree(tenantId, data.name, tx, id);
    const row = await updateDepartmentRow(id, data.name, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "department.update",
      entity: "Department",
      entityId: id,
      details: { before: { name: before.name }, after: { name: row.name } },
    });
    return serialize(row);
  });
}

/** Deletes an empty department; one with staff or customers is a 409 (move them first). */
export async function deleteDepartment(tenantId: number, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findDepartment(tenantId, id, tx);
    if (!row) throw fail("department_not_found", `department ${id} not found`, { params: { id } });
    if (row._count.users || row._count.customers) {
      throw fail("department_in_use", `department "${row.name}" still has ${row._count.users} staff and ${row._count.customers} customer(s)`, { params: { name: row.name } });
    }
    await deleteDepartmentRow(id, tx);
    await writeAudit(tx, tenantId, actor, { action: "department.delete", entity: "Department", entityId: id, details: { name: row.name } });
  });
}
