import type { DbOrTx } from "@/lib/db/client";
import { invalid } from "@/lib/http/errors";
import { resolveOption } from "@/lib/options/service";
import { findDepartmentRef, findStaff, findStageRef, findTaskRef } from "./repository";
import type { CustomerChanges } from "./schemas";

/** A rule of the customers dialect's error table: HTTP 400, code 2000, the seed's own wording. */
export function ruleError(message: string, path: string) {
  return invalid(message, [{ path, message }], "2000");
}

/** The seed's messages for the owner (归属工号 / serviceNo) and department (servicegroupId) rules. */
export const OWNER_MESSAGES = {
  ownerNotFound: "找不到归属工号",
  departmentMissing: "归属工号存在但归属部门不存在",
  departmentNotFound: "公司无此部门",
  notInDepartment: "员工不属于该部门",
} as const;

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
 * - options by name or id (`'xxx' is not a valid custtype`);
 * - a task must exist (找不到客户任务 N);
 * - an owner must be an active staff member (找不到归属工号), and comes with a department
 *   (归属工号存在但归属部门不存在) that exists (公司无此部门) and that the owner belongs to
 *   (员工不属于该部门). A department given alone must exist and hold the customer's current owner.
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
      if (!task) throw ruleError(`找不到客户任务 ${changes.taskId}`, "taskId");
      out.taskId = task.id;
    }
  }

  if (changes.stageId !== undefined) {
    if (changes.stageId === null) out.stageId = null;
    else {
      const stage = await findStageRef(tenantId, changes.stageId, tx);
      if (!stage) throw ruleError(`找不到生命周期阶段 ${changes.stageId}`, "stageId");
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
      if (!staff) throw ruleError(OWNER_MESSAGES.ownerNotFound, "serviceNo");
      if (changes.departmentId == null) throw ruleError(OWNER_MESSAGES.departmentMissing, "servicegroupId");
      out.ownerId = staff.id;
      ownerDepartmentId = staff.departmentId;
      hasOwner = true;
    }
  }
  if (changes.departmentId !== undefined) {
    if (changes.departmentId === null) out.departmentId = null;
    else {
      const dept = await findDepartmentRef(tenantId, changes.departmentId, tx);
      if (!dept) throw ruleError(OWNER_MESSAGES.departmentNotFound, "servicegroupId");
      if (hasOwner && ownerDepartmentId !== dept.id) throw ruleError(OWNER_MESSAGES.notInDepartment, "servicegroupId");
      out.departmentId = dept.id;
    }
  }
  return out;
}
