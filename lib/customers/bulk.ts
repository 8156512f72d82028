import { z } from "zod";
import { writeAudit } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { ensureLabels } from "@/lib/labels/service";
import { labelNameSchema } from "@/lib/labels/schemas";
import type { ChangeAuthor } from "./author";
import { findCustomerDetails, softDeleteCustomer } from "./repository";

/**
 * Actions on many selected customers at once. Each runs in one transaction with one audit row
 * naming every customer it touched (a delete also writes each customer's own `customer.delete`).
 */

export const BULK_MAX = 1_000;

const ids = z
  .array(z.number().int().positive())
  .min(1, "is required")
  .max(BULK_MAX, `at most ${BULK_MAX} customers`)
  .transform((a) => [...new Set(a)]);

export const bulkLabelsSchema = z.object({ ids, labels: z.array(labelNameSchema).min(1, "is required").max(50) });
export const bulkOwnerSchema = z.object({ ids, ownerId: z.number().int().positive().nullable() });
export const bulkDeleteSchema = z.object({ ids });

export interface BulkResult {
  count: number;
}

/** Every id must be a live customer of the tenant; otherwise nothing happens. */
async function requireCustomers(tenantId: number, wanted: number[], tx: DbOrTx) {
  const found = await tx.customer.findMany({ where: { tenantId, deletedAt: null, id: { in: wanted } }, select: { id: true } });
  if (found.length !== wanted.length) {
    const have = new Set(found.map((c) => c.id));
    const missing = wanted.find((id) => !have.has(id))!;
    throw fail("customer_not_found", `customer ${missing} not found`, { path: "ids", params: { id: missing } });
  }
}

export async function bulkAddLabels(tenantId: number, author: ChangeAuthor, input: z.output<typeof bulkLabelsSchema>): Promise<BulkResult> {
  return db.$transaction(async (tx) => {
    await requireCustomers(tenantId, input.ids, tx);
    const { labels } = await ensureLabels(tenantId, input.labels, tx);
    const labelIds = labels.map((l) => l.id);
    const existing = await tx.customerLabel.findMany({
      where: { customerId: { in: input.ids }, labelId: { in: labelIds } },
      select: { customerId: true, labelId: true },
    });
    const have = new Set(existing.map((e) => `${e.customerId}:${e.labelId}`));
    const add = input.ids.flatMap((customerId) =>
      labelIds.filter((labelId) => !have.has(`${customerId}:${labelId}`)).map((labelId) => ({ customerId, labelId })),
    );
    if (add.length) await tx.customerLabel.createMany({ data: add });
    await tx.customer.updateMany({ where: { id: { in: input.ids } }, data: { updatedAt: new Date(), updatedByNo: author.loginNo } });
    await writeAudit(tx, tenantId, author.actor, {
      action: "customer.bulk_label",
      entity: "Customer",
      details: { ids: input.ids, labels: labels.map((l) => l.name), added: add.length },
    });
    return { count: input.ids.length };
  });
}

/** Sets (or clears) the owner; the customers join the owner's department. */
export async function bulkSetOwner(tenantId: number, author: ChangeAuthor, input: z.output<typeof bulkOwnerSchema>): Promise<BulkResult> {
  return db.$transaction(async (tx) => {
    await requireCustomers(tenantId, input.ids, tx);
    let owner: { id: number; loginNo: string; departmentId: number | null } | null = null;
    if (input.ownerId !== null) {
      owner = await tx.user.findFirst({
        where: { tenantId, id: input.ownerId, disabledAt: null },
        select: { id: true, loginNo: true, departmentId: true },
      });
      if (!owner) throw fail("staff_not_found", `no active staff member ${input.ownerId}`, { path: "ownerId" });
    }
    await tx.customer.updateMany({
      where: { id: { in: input.ids } },
      data: {
        ownerId: owner?.id ?? null,
        departmentId: owner?.departmentId ?? null,
        assignTime: owner ? new Date() : null,
        updatedAt: new Date(),
        updatedByNo: author.loginNo,
      },
    });
    await writeAudit(tx, tenantId, author.actor, {
      action: "customer.bulk_owner",
      entity: "Customer",
      details: { ids: input.ids, ownerLoginNo: owner?.loginNo ?? null },
    });
    return { count: input.ids.length };
  });
}

/** Soft-deletes every selected customer (as deleteCustomer does one). */
export async function bulkDelete(tenantId: number, author: ChangeAuthor, input: z.output<typeof bulkDeleteSchema>): Promise<BulkResult> {
  return db.$transaction(
    async (tx) => {
      await requireCustomers(tenantId, input.ids, tx);
      const before = await findCustomerDetails(tenantId, input.ids, tx);
      for (const c of before) {
        await softDeleteCustomer(c.id, tx);
        await writeAudit(tx, tenantId, author.actor, {
          action: "customer.delete",
          entity: "Customer",
          entityId: c.id,
          details: { name: c.name, phones: c.phones.map((p) => p.number), email: c.email, crmId: c.crmId, bulk: true },
        });
      }
      await writeAudit(tx, tenantId, author.actor, {
        action: "customer.bulk_delete",
        entity: "Customer",
        details: { ids: input.ids, names: before.map((c) => c.name) },
      });
      return { count: input.ids.length };
    },
    { timeout: 60_000 },
  );
}
