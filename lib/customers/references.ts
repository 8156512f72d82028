import type { DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { resolveOption } from "@/lib/options/service";
import { findDepartmentRef, findStaff, findStageRef, findTaskRef } from "./repository";
import type { CustomerChanges } from "./schemas";


/** Column values the change set resolves to (only the keys it touches). */
export interface ResolvedRefs {
  typeId?: number | null;
  dealFlagId?: number | null;
  sourceId?: number | null;
  taskId?: number | null;
  ownerId?: number | null;
  departmentId?: number | null;
  stageId?: number | null;
}

/**
 * Resolves every reference of a change set, checking the seed's rules:
 * - options by name or id (invalid_option);
 * - a task and a stage must exist (task_unknown, stage_unknown);
 * - an owner must be an active staff member (staff_not_found), and comes with a department
 *   (department_required) that exists (department_unknown) and that the owner belongs to
 *   (staff_not_in_department). A department given alone must exist and hold the customer's current owner.
 */
export async function resolveRefs(
  tenantId: number,
  changes: CustomerChanges,
  current: { ownerId: number | null; ownerDepartmentId: number | null } | null,
  tx: DbOrTx,
): Promise<ResolvedRefs> {
  const out: ResolvedRefs = {};
  if (changes.type !== undefined) out.typeId = changes.type && (await resolveOption(tenantId, "custType", changes.type, tx)).id;
  if (changes.dealFlag !== undefined) {
    out.dealFlagId = changes.dealFlag && (await resolveOption(tenantId, "dealFlag", changes.dealFlag, tx)).id;
  }
  if (changes.source !== undefined) {
    out.sourceId = changes.source && (await resolveOption(tenantId, "custFrom", changes.source, tx)).id;
  }

  if (changes.taskId !== undefined) {
    if (changes.taskId === null) out.taskId = null;
    else {
      const task = await findTaskRef(tenantId, changes.taskId, tx);
      if (!task) throw fail("task_unknown", `no task ${changes.taskId}`, { path: "taskId", params: { taskId: changes.taskId } });
      out.taskId = task.id;
    }
  }

  if (changes.stageId !== undefined) {
    if (changes.stageId === null) out.stageId = null;
    else {
      const stage = await findStageRef(tenantId, changes.stageId, tx);
      if (!stage) throw fail("stage_unknown", `no stage ${changes.stageId}`, { path: "stageId", params: { stageId: changes.stageId } });
      out.stageId = stage.id;
    }
  }

  let ownerDepartmentId = current?.ownerDepartmentId ?? null;
  let hasOwner = current?.ownerId != null;
  if (changes.owner !== undefined) {
    if (changes.owner === null) {
      out.ownerId = null;
      hasOwner = false;
    } else {
      const staff = await findStaff(tenantId, changes.owner, tx);
      if (!staff) throw fail("staff_not_found", "the owner is not an active staff member", { path: "serviceNo" });
      if (changes.departmentId == null) {
        throw fail("department_required", "an owner comes with the owner's department", { path: "servicegroupId" });
      }
      out.ownerId = staff.id;
      ownerDepartmentId = staff.departmentId;
      hasOwner = true;
    }
  }
  if (changes.departmentId !== undefined) {
    if (changes.departmentId === null) out.departmentId = null;
    else {
      const dept = await findDepartmentRef(tenantId, changes.departmentId, tx);
      if (!dept) {
        throw fail("department_unknown", `no department ${changes.departmentId}`, { path: "servicegroupId", params: { departmentId: changes.departmentId } });
      }
      if (hasOwner && ownerDepartmentId !== dept.id) {
        throw fail("staff_not_in_department", "the owner does not belong to this department", { path: "servicegroupId" });
      }
      out.departmentId = dept.id;
    }
  }
  return out;
}
