import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import {
  deleteStageRow,
  findStage,
  findStageByName,
  findStages,
  insertStage,
  nextStageSort,
  stageUsage,
  stageUsageCounts,
  updateStageRow,
} from "./repository";
import {
  createStageSchema,
  updateStageSchema,
  type CreateStageInput,
  type Stage,
  type StageWithUsage,
  type UpdateStageInput,
} from "./schemas";
import { serializeStage } from "./serializers";

/** The tenant's lifecycle stages, by `sort` then id. */
export async function listStages(tenantId: number, tx: DbOrTx = db): Promise<Stage[]> {
  return (await findStages(tenantId, tx)).map(serializeStage);
}

/** The console's list: the stages with how many event types and customers use each (three queries in all). */
export async function listStagesWithUsage(tenantId: number): Promise<StageWithUsage[]> {
  const [rows, usage] = await Promise.all([findStages(tenantId), stageUsageCounts(tenantId)]);
  return rows.map((row) => ({
    ...serializeStage(row),
    eventTypeCount: usage.eventTypes.get(row.id) ?? 0,
    customerCount: usage.customers.get(row.id) ?? 0,
  }));
}

export async function getStage(tenantId: number, id: number): Promise<Stage> {
  const row = await findStage(tenantId, id);
  if (!row) throw fail("stage_not_found", `stage ${id} not found`, { params: { id } });
  return serializeStage(row);
}

/**
 * For other services: the stage `id` of this tenant, or a 400 naming `path` (a stage id is an
 * input there, so an unknown one is bad input rather than a missing resource).
 */
export async function requireStageOfTenant(tenantId: number, id: number, tx: DbOrTx = db, path = "stageId"): Promise<Stage> {
  const row = await findStage(tenantId, id, tx);
  if (!row) {
    const message = `no stage ${id} in this tenant (GET /openapi/stage/queryList lists them)`;
    throw fail("stage_unknown", `${path}: ${message}`, { details: [{ path, reason: "stage_unknown", message, params: { stageId: id } }], params: { stageId: id } });
  }
  return serializeStage(row);
}

async function assertNameFree(tenantId: number, name: string, tx: DbOrTx, exceptId?: number) {
  const other = await findStageByName(tenantId, name, tx);
  if (other && other.id !== exceptId) throw fail("name_taken", `a stage named "${name}" already exists`, { path: "name", params: { name } });
}

export async function createStage(tenantId: number, input: CreateStageInput, actor: Actor): Promise<Stage> {
  const data = createStageSchema.parse(input);
  return db.$transaction(async (tx) => {
    await assertNameFree(tenantId, data.name, tx);
    const row = await insertStage(tenantId, { name: data.name, sort: data.sort ?? (await nextStageSort(tenantId, tx)) }, tx);
    await writeAudit(tx, tenantId, actor, { action: "stage.create", entity: "LifecycleStage", entityId: row.id, details: { name: row.name, sort: row.sort } });
    return serializeStage(row);
  });
}

export async function updateStage(tenantId: number, id: number, input: UpdateStageInput, actor: Actor): Promise<Stage> {
  const data = updateStageSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findStage(tenantId, id, tx);
    if (!before) throw fail("stage_not_found", `stage ${id} not found`, { params: { id } });
    if (data.name !== undefined) await assertNameFree(tenantId, data.name, tx, id);
    const row = await updateStageRow(id, { name: data.name, sort: data.sort }, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "stage.update",
      entity: "LifecycleStage",
      entityId: id,
      details: { before: serializeStage(before), after: serializeStage(row) },
    });
    return serializeStage(row);
  });
}

/** Deletes a stage nothing uses; an event type (even archived) or a customer at it makes it a 409. */
export async function deleteStage(tenantId: number, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findStage(tenantId, id, tx);
    if (!row) throw fail("stage_not_found", `stage ${id} not found`, { params: { id } });
    const usage = await stageUsage(tenantId, id, tx);
    if (usage.eventTypes || usage.customers) {
      const uses = [
        usage.eventTypes ? `${usage.eventTypes} event type(s)` : null,
        usage.customers ? `${usage.customers} customer(s)` : null,
      ].filter(Boolean);
      throw fail("stage_in_use", `stage "${row.name}" is still used by ${uses.join(" and ")}`, { params: { name: row.name } });
    }
    await deleteStageRow(id, tx);
    await writeAudit(tx, tenantId, actor, { action: "stage.delete", entity: "LifecycleStage", entityId: id, details: { name: row.name } });
  });
}
