import { describe, expect, it } from "vitest";
import { actorOfUser } from "@/lib/audit/audit";
import { createCustomField } from "@/lib/custom-fields/service";
import { db } from "@/lib/db/client";
import { makeTenant, makeUser } from "@/lib/test/factories";
import { authorOfUser } from "./author";
import { importCustomers, type ImportRow } from "./import";
import { createCustomer } from "./service";

const row = (line: number, values: Record<string, string>): ImportRow => ({ line, values });

async function setup() {
  const tenant = await makeTenant();
  const user = await makeUser(tenant.id);
  return { tenant, author: authorOfUser(user), user };
}

describe("customer import", () => {
  it("a dry run reports each bad row with a reason and writes nothing", async () => {
    const { tenant, author } = await setup();
    await createCustomer(tenant.id, author, { name: "已有", phones: [{ id: null, number: "+8613900000001" }] });
    const result = await importCustomers(
      tenant.id,
      author,
      [
        row(2, { name: "甲", phones: "13900000002" }),
        row(3, { name: "", phones: "13900000003" }),
        row(4, { name: "丙", phones: "12345" }),
        row(5, { name: "丁", phones: "139 0000 0001" }),
        row(6, { name: "戊", phones: "13900000002" }),
        row(7, { name: "己", type: "没有这个类型" }),
      ],
      { dryRun: true },
    );
    const reasons = Object.fromEntries(result.rows.map((r) => [r.line, r.errors.map((e) => e.reason)]));
    expect(reasons).toEqual({
      2: [],
      3: ["invalid_input"],
      4: ["phone_invalid"],
      5: ["phone_taken"],
      6: ["duplicate"],
      7: ["invalid_option"],
    });
    expect([result.created, result.skipped]).toEqual([1, 5]);
    expect(await db.customer.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("writes valid rows in chunks, skips the rest, stores E.164 and audits each chunk", async () => {
    const { tenant, author, user } = await setup();
    const field = await createCustomField(tenant.id, { name: "会员等级", type: "select", options: ["金", "银"], required: true }, actorOfUser(user));
    const rows = Array.from({ length: 7 }, (_, i) =>
      row(i + 2, { name: `客户${i}`, phones: `1390000010${i}`, labels: "导入;VIP", [`cf:${field.id}`]: i === 3 ? "铜" : "金" }),
    );
    rows.push(row(9, { name: "", phones: "13900000199" }));
    const result = await importCustomers(tenant.id, author, rows, { dryRun: false, chunkSize: 3 });
    expect([result.created, result.skipped]).toEqual([6, 2]);
    expect(result.rows.find((r) => r.line === 5)?.errors[0].reason).toBe("custom_field_invalid");
    const phones = await db.customerPhone.findMany({ where: { tenantId: tenant.id }, select: { number: true }, orderBy: { id: "asc" } });
    expect(phones[0].number).toBe("+8613900000100");
    const labelled = await db.customerLabel.count({ where: { label: { tenantId: tenant.id, name: "VIP" } } });
    expect(labelled).toBe(6);
    const audits = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "customer.import" }, orderBy: { id: "asc" } });
    // every line of the file is counted in its chunk's audit row, rows refused before writing too
    expect(audits.map((a) => a.details)).toEqual([
      { created: 3, skipped: 0, lines: [2, 4] },
      { created: 2, skipped: 1, lines: [5, 7] },
      { created: 1, skipped: 1, lines: [8, 9] },
    ]);
  });
});
