import type { Prisma } from "@/generated/sqlite/client";
import { db, type DbOrTx } from "@/lib/db/client";

/** Everything a customer's profile shows, in one query. */
export const customerDetailSelect = {
  id: true,
  name: true,
  email: true,
  crmId: true,
  address: true,
  companyName: true,
  companyId: true,
  type: { select: { id: true, name: true } },
  dealFlag: { select: { id: true, name: true } },
  source: { select: { id: true, name: true } },
  task: { select: { id: true, name: true } },
  owner: { select: { id: true, loginNo: true, name: true, departmentId: true } },
  department: { select: { id: true, name: true } },
  stage: { select: { id: true, name: true } },
  score: true,
  assignTime: true,
  followNum: true,
  lastFollowTime: true,
  lastAccept: true,
  createdByNo: true,
  updatedByNo: true,
  createdAt: true,
  updatedAt: true,
  phones: { select: { id: true, number: true }, orderBy: { id: "asc" } },
  identities: { select: { id: true, type: true, value: true }, orderBy: { id: "asc" } },
  labels: { select: { label: { select: { id: true, name: true } } }, orderBy: { labelId: "asc" } },
  fieldValues: { select: { fieldId: true, value: true, field: { select: { name: true } } }, orderBy: { fieldId: "asc" } },
} satisfies Prisma.CustomerSelect;

export type CustomerDetail = Prisma.CustomerGetPayload<{ select: typeof customerDetailSelect }>;

/** What a console table row shows. */
export const customerRowSelect = {
  id: true,
  name: true,
  email: true,
  companyName: true,
  type: { select: { id: true, name: true } },
  dealFlag: { select: { id: true, name: true } },
  source: { select: { id: true, name: true } },
  task: { select: { id: true, name: true } },
  owner: { select: { id: true, loginNo: true, name: true } },
  department: { select: { id: true, name: true } },
  stage: { select: { id: true, name: true } },
  score: true,
  followNum: true,
  lastFollowTime: true,
  createdAt: true,
  updatedAt: true,
  phones: { select: { id: true, number: true }, orderBy: { id: "asc" } },
  labels: { select: { label: { select: { id: true, name: true } } }, orderBy: { labelId: "asc" } },
} satisfies Prisma.CustomerSelect;

export type CustomerRowData = Prisma.CustomerGetPayload<{ select: typeof customerRowSelect }>;

const live = (tenantId: number) => ({ tenantId, deletedAt: null });

export function findCustomerDetail(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.customer.findFirst({ where: { ...live(tenantId), id }, select: customerDetailSelect });
}

export function findCustomerDetails(tenantId: number, ids: number[], tx: DbOrTx = db) {
  return tx.customer.findMany({ where: { ...live(tenantId), id: { in: ids } }, select: customerDetailSelect });
}

/** Live customers with this exact name or company name, oldest first. */
export function findCustomerIdsByField(
  tenantId: number,
  field: "name" | "companyName",
  value: string,
  limit: number,
  tx: DbOrTx = db,
) {
  return tx.customer.findMany({
    where: { ...live(tenantId), [field]: value },
    select: { id: true },
    orderBy: { id: "asc" },
    take: limit,
  });
}

export function insertCustomer(data: Prisma.CustomerUncheckedCreateInput, tx: DbOrTx) {
  return tx.customer.create({ data, select: { id: true } });
}

export function updateCustomerRow(id: number, data: Prisma.CustomerUncheckedUpdateInput, tx: DbOrTx) {
  return tx.customer.update({ where: { id }, data, select: { id: true } });
}

// ─── Phones, identities, labels ──────────────────────────────────────────────────────────────

/** Phones of other customers among these numbers (a phone row always belongs to a live customer). */
export function findPhonesTaken(tenantId: number, numbers: string[], exceptCustomerId: number | null, tx: DbOrTx) {
  return tx.customerPhone.findMany({
    where: { tenantId, number: { in: numbers }, ...(exceptCustomerId ? { customerId: { not: exceptCustomerId } } : {}) },
    select: { number: true },
  });
}

export function findIdentitiesTaken(tenantId: number, pairs: { type: string; value: string }[], exceptCustomerId: number | null, tx: DbOrTx) {
  return tx.customerIdentity.findMany({
    where: {
      tenantId,
      OR: pairs.map((p) => ({ type: p.type, value: p.value })),
      ...(exceptCustomerId ? { customerId: { not: exceptCustomerId } } : {}),
    },
    select: { type: true, value: true },
  });
}

export function findCustomerWith(
  tenantId: number,
  where: { email: string } | { crmId: string },
  exceptCustomerId: number | null,
  tx: DbOrTx,
) {
  return tx.customer.findFirst({
    where: { tenantId, ...where, ...(exceptCustomerId ? { id: { not: exceptCustomerId } } : {}) },
    select: { id: true },
  });
}

export async function replacePhones(
  tenantId: number,
  customerId: number,
  plan: { remove: number[]; renumber: { id: number; number: string }[]; add: string[] },
  tx: DbOrTx,
) {
  if (plan.remove.length) await tx.customerPhone.deleteMany({ where: { customerId, id: { in: plan.remove } } });
  for (const r of plan.renumber) await tx.customerPhone.update({ where: { id: r.id }, data: { number: r.number } });
  if (plan.add.length) {
    await tx.customerPhone.createMany({ data: plan.add.map((number) => ({ tenantId, customerId, number })) });
  }
}

export async function replaceIdentities(
  tenantId: number,
  customerId: number,
  plan: { remove: number[]; add: { type: string; value: string }[] },
  tx: DbOrTx,
) {
  if (plan.remove.length) await tx.customerIdentity.deleteMany({ where: { customerId, id: { in: plan.remove } } });
  if (plan.add.length) await tx.customerIdentity.createMany({ data: plan.add.map((i) => ({ tenantId, customerId, ...i })) });
}

export async function replaceLabels(customerId: number, plan: { remove: number[]; add: number[] }, tx: DbOrTx) {
  if (plan.remove.length) await tx.customerLabel.deleteMany({ where: { customerId, labelId: { in: plan.remove } } });
  if (plan.add.length) await tx.customerLabel.createMany({ data: plan.add.map((labelId) => ({ customerId, labelId })) });
}

/** Soft delete: the row stays (its events point at it); phones and identities are freed. */
export async function softDeleteCustomer(id: number, tx: DbOrTx) {
  await tx.customerPhone.deleteMany({ where: { customerId: id } });
  await tx.customerIdentity.deleteMany({ where: { customerId: id } });
  await tx.customer.update({
    where: { id },
    data: { deletedAt: new Date(), email: null, emailMd5: null, emailSha256: null, crmId: null },
  });
}

// ─── References ──────────────────────────────────────────────────────────────────────────────

export function findStaff(tenantId: number, by: { id: number } | { loginNo: string }, tx: DbOrTx) {
  return tx.user.findFirst({
    where: { tenantId, disabledAt: null, ...by },
    select: { id: true, loginNo: true, name: true, departmentId: true },
  });
}

export function findDepartmentRef(tenantId: number, id: number, tx: DbOrTx) {
  return tx.department.findFirst({ where: { tenantId, id }, select: { id: true, name: true } });
}

export function findTaskRef(tenantId: number, id: number, tx: DbOrTx) {
  return tx.task.findFirst({ where: { tenantId, id }, select: { id: true, name: true } });
}

export function findStageRef(tenantId: number, id: number, tx: DbOrTx) {
  return tx.lifecycleStage.findFirst({ where: { tenantId, id }, select: { id: true, name: true } });
}
