import { writeAudit } from "@/lib/audit/audit";
import { listCustomFields } from "@/lib/custom-fields/service";
import { checkFieldEntries, writeFieldValues } from "@/lib/custom-fields/values";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { ensureLabels } from "@/lib/labels/service";
import { cancelCustomerRuns } from "@/lib/scenarios/runs";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { diffSnapshots, snapshot, writeAlternations } from "./alternations";
import type { ChangeAuthor } from "./author";
import { checkEmailAndCrmId, normalizePhones, planIdentities, planPhones, raceToConflict } from "./contacts";
import { resolveRefs } from "./references";
import {
  findCustomerDetail,
  insertCustomer,
  replaceIdentities,
  replaceLabels,
  replacePhones,
  softDeleteCustomer,
  updateCustomerRow,
  type CustomerDetail,
} from "./repository";
import type { CustomerChanges } from "./schemas";

/** The error integrators get for a customer that does not exist (or not in their tenant). */
export function customerNotFound() {
  return fail("customer_not_found", "customer not found");
}

/** Scalar columns a change set writes directly. */
function scalarData(changes: CustomerChanges) {
  return {
    name: changes.name,
    address: changes.address,
    companyName: changes.companyName,
    companyId: changes.companyId,
    lastAccept: changes.lastAccept,
    score: changes.score,
    assignTime: changes.assignTime,
  };
}

/** Phones, identities, labels and custom field values of a change set, written for one customer. */
async function writeCollections(
  tenantId: number,
  customerId: number,
  current: CustomerDetail | null,
  changes: CustomerChanges,
  tx: DbOrTx,
): Promise<void> {
  const creating = current === null;
  if (changes.phones !== undefined) {
    const plan = await planPhones(tenantId, creating ? null : customerId, current?.phones ?? [], normalizePhones(changes.phones), tx);
    await replacePhones(tenantId, customerId, plan, tx);
  }
  if (changes.identities !== undefined) {
    const plan = await planIdentities(tenantId, creating ? null : customerId, current?.identities ?? [], changes.identities, tx);
    await replaceIdentities(tenantId, customerId, plan, tx);
  }
  if (changes.labels !== undefined) {
    const { labels } = await ensureLabels(tenantId, changes.labels, tx);
    const have = new Set((current?.labels ?? []).map((l) => l.label.id));
    const want = new Set(labels.map((l) => l.id));
    await replaceLabels(
      customerId,
      { remove: [...have].filter((id) => !want.has(id)), add: labels.map((l) => l.id).filter((id) => !have.has(id)) },
      tx,
    );
  }
  const defs = await listCustomFields(tenantId, tx);
  const checked = checkFieldEntries(defs, changes.customFields ?? [], creating ? "create" : "update");
  await writeFieldValues(customerId, checked, tx);
}

/**
 * Creates a customer with its phones, identities, labels (new names become labels) and custom
 * field values, checking every rule of the seed; writes an AuditLog row in the same transaction.
 */
export async function createCustomer(tenantId: number, author: ChangeAuthor, changes: CustomerChanges): Promise<CustomerDetail> {
  try {
    const id = await db.$transaction((tx) => createCustomerInTx(tx, tenantId, author, changes));
    return (await findCustomerDetail(tenantId, id))!;
  } catch (err) {
    throw raceToConflict(err);
  }
}

/** createCustomer's work inside the caller's transaction (the CSV import writes a chunk in one); answers the new id. */
export async function createCustomerInTx(tx: DbOrTx, tenantId: number, author: ChangeAuthor, changes: CustomerChanges): Promise<number> {
  if (!changes.name) throw fail("customer_name_required", "a customer needs a name", { path: "custname", params: { mode: "create" } });
  const refs = await resolveRefs(tenantId, changes, null, tx);
  const contact = await checkEmailAndCrmId(tenantId, null, changes, tx);
  const row = await insertCustomer(
    {
      tenantId,
      ...scalarData(changes),
      name: changes.name,
      ...contact,
      ...refs,
      createdByNo: author.loginNo,
      updatedByNo: author.loginNo,
    },
    tx,
  );
  await writeCollections(tenantId, row.id, null, changes, tx);
  const created = (await findCustomerDetail(tenantId, row.id, tx))!;
  await writeAudit(tx, tenantId, author.actor, {
    action: "customer.create",
    entity: "Customer",
    entityId: row.id,
    details: { fields: snapshot(created, await tenantTimeZone(tenantId, tx)).filter((s) => s.value).map((s) => s.field) },
  });
  return row.id;
}

/**
 * Partial update: only the fields present change (null clears). Every field whose shown value
 * changes gets an Alternation row with the author; the change, its records and the AuditLog row
 * commit together.
 */
export async function updateCustomer(
  tenantId: number,
  author: ChangeAuthor,
  id: number,
  changes: CustomerChanges,
): Promise<CustomerDetail> {
  if (changes.name !== undefined && !changes.name) throw fail("customer_name_required", "a customer's name cannot be emptied", { path: "custname", params: { mode: "update" } });
  try {
    await db.$transaction(async (tx) => {
      const before = await findCustomerDetail(tenantId, id, tx);
      if (!before) throw customerNotFound();
      const refs = await resolveRefs(
        tenantId,
        changes,
        { ownerId: before.owner?.id ?? null, ownerDepartmentId: before.owner?.departmentId ?? null },
        tx,
      );
      const contact = await checkEmailAndCrmId(tenantId, id, changes, tx);
      await writeCollections(tenantId, id, before, changes, tx);
      const columns = { ...scalarData(changes), ...contact, ...refs };
      const touchesRow = Object.values(columns).some((v) => v !== undefined);
      if (touchesRow) await updateCustomerRow(id, columns, tx);

      const timeZone = await tenantTimeZone(tenantId, tx);
      const after = (await findCustomerDetail(tenantId, id, tx))!;
      const altered = diffSnapshots(snapshot(before, timeZone), snapshot(after, timeZone));
      if (altered.length) {
        await updateCustomerRow(id, { updatedByNo: author.loginNo, updatedAt: new Date() }, tx);
        await writeAlternations(tenantId, id, altered, author, tx);
      }
      await writeAudit(tx, tenantId, author.actor, {
        action: "customer.update",
        entity: "Customer",
        entityId: id,
        details: { changes: altered.map(({ field, oldValue, newValue }) => ({ field, oldValue, newValue })) },
      });
    });
  } catch (err) {
    throw raceToConflict(err);
  }
  return (await findCustomerDetail(tenantId, id))!;
}

/**
 * Soft delete: the customer disappears from every API and list, its phones, e-mail, CRM id and
 * custom identities are freed for other customers, it leaves every group, its unfinished scenario
 * runs are cancelled with their queued steps, and its history (events, tickets, follow-ups, call
 * and SMS logs, change records) stays. All in one transaction.
 */
export async function deleteCustomer(tenantId: number, author: ChangeAuthor, id: number): Promise<{ id: number }> {
  await db.$transaction(async (tx) => {
    const before = await findCustomerDetail(tenantId, id, tx);
    if (!before) throw customerNotFound();
    await softDeleteCustomer(id, tx);
    const groupsLeft = (await tx.groupMember.deleteMany({ where: { tenantId, customerId: id } })).count;
    const runsCancelled = await cancelCustomerRuns(tx, tenantId, id);
    await writeAudit(tx, tenantId, author.actor, {
      action: "customer.delete",
      entity: "Customer",
      entityId: id,
      details: {
        name: before.name,
        phones: before.phones.map((p) => p.number),
        email: before.email,
        crmId: before.crmId,
        identities: before.identities.map(({ type, value }) => ({ type, value })),
        groupsLeft,
        runsCancelled,
      },
    });
  });
  return { id };
}

export async function getCustomer(tenantId: number, id: number, tx: DbOrTx = db): Promise<CustomerDetail> {
  const row = await findCustomerDetail(tenantId, id, tx);
  if (!row) throw customerNotFound();
  return row;
}
