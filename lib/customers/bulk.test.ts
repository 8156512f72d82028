import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { makeTenant, makeUser } from "@/lib/test/factories";
import { authorOfUser } from "./author";
import { bulkAddLabels, bulkDelete, bulkSetOwner } from "./bulk";
import { createCustomer } from "./service";

async function setup() {
  const tenant = await makeTenant();
  const user = await makeUser(tenant.id);
  const author = authorOfUser(user);
  const a = await createCustomer(tenant.id, author, { name: "甲", labels: ["老客户"], phones: [{ id: null, number: "13900000201" }] });
  const b = await createCustomer(tenant.id, author, { name: "乙" });
  const other = await makeTenant();
  const foreign = await createCustomer(other.id, author, { name: "别家" });
  return { tenant, user, author, a, b, foreign };
}

describe("bulk actions", () => {
  it("adds labels to every selected customer once, with one audit row", async () => {
    const { tenant, author, a, b } = await setup();
    expect(await bulkAddLabels(tenant.id, author, { ids: [a.id, b.id], labels: ["老客户", "重点"] })).toEqual({ count: 2 });
    const rows = await db.customerLabel.findMany({ where: { customerId: { in: [a.id, b.id] } }, select: { customerId: true } });
    expect(rows.length).toBe(4);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: "customer.bulk_label" } });
    expect((audit.details as { ids: number[] }).ids).toEqual([a.id, b.id]);
  });

  it("refuses the whole selection when one customer is not the tenant's", async () => {
    const { tenant, author, a, foreign } = await setup();
    const err = await bulkAddLabels(tenant.id, author, { ids: [a.id, foreign.id], labels: ["x"] }).catch((e) => e);
    expect(isDomainError(err) && err.reason).toBe("customer_not_found");
    expect(await db.label.count({ where: { tenantId: tenant.id, name: "x" } })).toBe(0);
  });

  it("sets the owner with the owner's department, and deletes softly", async () => {
    const { tenant, author, a, b } = await setup();
    const dept = await db.department.create({ data: { tenantId: tenant.id, name: "销售部" } });
    const owner = await makeUser(tenant.id, "marketer");
    await db.user.update({ where: { id: owner.id }, data: { departmentId: dept.id } });
    await bulkSetOwner(tenant.id, author, { ids: [a.id, b.id], ownerId: owner.id });
    const after = await db.customer.findMany({ where: { id: { in: [a.id, b.id] } }, select: { ownerId: true, departmentId: true } });
    expect(after).toEqual([
      { ownerId: owner.id, departmentId: dept.id },
      { ownerId: owner.id, departmentId: dept.id },
    ]);
    await bulkDelete(tenant.id, author, { ids: [a.id, b.id] });
    expect(await db.customer.count({ where: { tenantId: tenant.id, deletedAt: null } })).toBe(0);
    expect(await db.customerPhone.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "customer.delete" } })).toBe(2);
  });
});
