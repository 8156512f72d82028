import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { Params, sqlInstant } from "@/lib/db/sql";
import { diffSnapshots, snapshot, writeAlternations } from "@/lib/customers/alternations";
import type { ChangeAuthor } from "@/lib/customers/author";
import { resolveRefs } from "@/lib/customers/references";
import { findCustomerDetail, updateCustomerRow } from "@/lib/customers/repository";
import type { CustomerChanges } from "@/lib/customers/schemas";
import type { Tx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { tenantTimeZone } from "@/lib/tenants/time-zone";

/**
 * The internal effects of scenario steps, always inside the step's transaction (the one that marks
 * the step done and checks the lease), so each happens exactly once.
 *
 * Group membership is written directly (lib/groups lives on another branch; this is the same
 * INSERT … ON CONFLICT DO NOTHING its service does). Customer fields and stages go through the
 * customer module's own pieces (reference resolution, row update, change records), the body of
 * lib/customers' updateCustomer, which opens its own transaction and so cannot be called here.
 */

export const scenarioAuthor = (scenarioName: string): ChangeAuthor => ({ actor: { ...SYSTEM_ACTOR, name: `scenario: ${scenarioName}` }, loginNo: null, name: `场景: ${scenarioName}` });

async function groupOf(tx: Tx, tenantId: number, groupId: number) {
  const g = await tx.group.findFirst({ where: { tenantId, id: groupId }, select: { id: true } });
  if (!g) throw fail("group_not_found", `group ${groupId} no longer exists`, { params: { id: groupId } });
}

async function liveCustomer(tx: Tx, tenantId: number, customerId: number) {
  const c = await tx.customer.findFirst({ where: { tenantId, id: customerId, deletedAt: null }, select: { id: true } });
  if (!c) throw fail("customer_not_found", `customer ${customerId} no longer exists`);
}

/** Adds the customer to the group; true when it was not a member before. */
export async function addToGroup(tx: Tx, tenantId: number, customerId: number, groupId: number, now: Date): Promise<boolean> {
  await groupOf(tx, tenantId, groupId);
  await liveCustomer(tx, tenantId, customerId);
  const p = new Params();
  const n = await tx.$executeRawUnsafe(
    `INSERT INTO "GroupMember" ("tenantId", "groupId", "customerId", "joinedAt", "updatedAt") VALUES (${p.add(tenantId)}, ${p.add(groupId)}, ${p.add(customerId)}, ${p.add(sqlInstant(now))}, ${p.add(sqlInstant(now))})
     ON CONFLICT ("groupId", "customerId") DO NOTHING`,
    ...p.values,
  );
  return n > 0;
}

/** Removes the customer from the group; true when it was a member. */
export async function removeFromGroup(tx: Tx, tenantId: number, customerId: number, groupId: number): Promise<boolean> {
  await groupOf(tx, tenantId, groupId);
  return (await tx.groupMember.deleteMany({ where: { tenantId, groupId, customerId } })).count > 0;
}

/** Applies a change set to one customer with its change records; returns the fields that changed. */
export async function changeCustomer(tx: Tx, tenantId: number, customerId: number, changes: CustomerChanges, author: ChangeAuthor, now: Date): Promise<string[]> {
  const before = await findCustomerDetail(tenantId, customerId, tx);
  if (!before) throw fail("customer_not_found", `customer ${customerId} no longer exists`);
  const refs = await resolveRefs(tenantId, changes, { ownerId: before.owner?.id ?? null, ownerDepartmentId: before.owner?.departmentId ?? null }, tx);
  const columns = { name: changes.name, address: changes.address, companyName: changes.companyName, companyId: changes.companyId, score: changes.score, ...refs };
  if (Object.values(columns).every((v) => v === undefined)) return [];
  await updateCustomerRow(customerId, columns, tx);
  const timeZone = await tenantTimeZone(tenantId, tx);
  const after = (await findCustomerDetail(tenantId, customerId, tx))!;
  const altered = diffSnapshots(snapshot(before, timeZone), snapshot(after, timeZone));
  if (altered.length) {
    await updateCustomerRow(customerId, { updatedByNo: author.loginNo, updatedAt: now }, tx);
    await writeAlternations(tenantId, customerId, altered, author, tx, now);
  }
  return altered.map((a) => a.field);
}

/** A setField step's field and value as a customer change set. */
export function fieldChange(field: string, value: string | number | null): CustomerChanges {
  const text = value === null || value === "" ? null : String(value);
  switch (field) {
    case "custname":
      return { name: String(value ?? "") };
    case "address":
      return { address: text };
    case "companyName":
      return { companyName: text };
    case "companyId":
      return { companyId: text };
    case "score":
      return { score: Number(value) };
    case "custType":
      return { type: text === null ? null : { name: text } };
    case "dealFlag":
      return { dealFlag: text === null ? null : { name: text } };
    case "custFrom":
      return { source: text === null ? null : { name: text } };
    default:
      throw fail("scenario_invalid", `field "${field}" cannot be set by a scenario`);
  }
}
