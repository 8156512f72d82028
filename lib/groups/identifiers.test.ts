import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DomainError } from "@/lib/errors";
import { listCustomerRows } from "@/lib/customers/list";
import { customerListQuerySchema } from "@/lib/customers/schemas";
import { makeTenant } from "@/lib/test/factories";
import { resolveCustomerRows } from "./identifiers";
import { addMembers, createGroup, joinedBetweenDays, memberExportPages, pageMembers } from "./service";

/** The console's batch add (rows resolved before anything is written), its phone search, export and date counts. */

async function customer(tenantId: number, name: string, phones: string[] = [], deleted = false) {
  return db.customer.create({
    data: {
      tenantId,
      name,
      deletedAt: deleted ? new Date() : null,
      phones: { create: phones.map((number) => ({ tenantId, number })) },
    },
    select: { id: true, name: true },
  });
}

describe("resolveCustomerRows", () => {
  it("finds a customer by id, by phone (as typed, spaces and dashes aside) and by exact name", async () => {
    const t = await makeTenant();
    const a = await customer(t.id, "王芳", ["13800000001"]);
    const b = await customer(t.id, "李雷", ["+8613900000002"]);
    const c = await customer(t.id, "Hanmeimei", ["+8613700000009"]);
    const r = await resolveCustomerRows(t.id, [String(a.id), "+86 139-0000-0002", "Hanmeimei", "138-0000-0001", "137 0000 0009"]);
    expect(r.rows.map((x) => [x.row, x.status, x.by, x.customers.map((cu) => cu.id)])).toEqual([
      [1, "matched", "id", [a.id]],
      [2, "matched", "phone", [b.id]],
      [3, "matched", "name", [c.id]],
      [4, "matched", "phone", [a.id]],
      // the console stores E.164; a national number pasted finds it
      [5, "matched", "phone", [c.id]],
    ]);
    // a customer named twice is added once
    expect(r.customerIds).toEqual([a.id, b.id, c.id]);
    expect(r.counts).toEqual({ matched: 5, unknown: 0, ambiguous: 0 });
  });

  it("reports rows that match nobody and rows that match several, and skips blank rows keeping positions", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const [x, y] = [await customer(t.id, "张伟"), await customer(t.id, "张伟")];
    const gone = await customer(t.id, "已删除", ["13700000000"], true);
    const theirs = await customer(other.id, "别家客户", ["13600000000"]);
    // a number that is one customer's id and another's name is ambiguous, never guessed
    const numbered = await customer(t.id, String(x.id));
    const r = await resolveCustomerRows(t.id, ["张伟", "", "  ", "nobody", String(gone.id), "13700000000", "别家客户", String(theirs.id), "13600000000", String(x.id)]);
    expect(r.rows.map((row) => [row.row, row.input, row.status])).toEqual([
      [1, "张伟", "ambiguous"],
      [4, "nobody", "unknown"],
      [5, String(gone.id), "unknown"],
      [6, "13700000000", "unknown"],
      [7, "别家客户", "unknown"],
      [8, String(theirs.id), "unknown"],
      [9, "13600000000", "unknown"],
      [10, String(x.id), "ambiguous"],
    ]);
    expect(r.rows[0].customers.map((c) => c.id).sort()).toEqual([x.id, y.id].sort());
    expect(r.rows[7].customers.map((c) => c.id).sort()).toEqual([x.id, numbered.id].sort());
    expect(r.customerIds).toEqual([]);
    expect(r.counts).toEqual({ matched: 0, unknown: 6, ambiguous: 2 });
  });

  it("refuses more than 10,000 rows", async () => {
    const t = await makeTenant();
    const err = (await resolveCustomerRows(t.id, Array.from({ length: 10_001 }, (_, i) => `row ${i}`)).catch((e) => e)) as DomainError;
    expect(err.reason).toBe("batch_too_large");
  });
});

describe("the group page's queries", () => {
  it("searches members by name or by a part of a phone number", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "VIP" });
    const a = await customer(t.id, "Alice", ["13812345678"]);
    const b = await customer(t.id, "Bob", ["13987654321"]);
    const outsider = await customer(t.id, "Alina", ["13812340000"]);
    await addMembers(t.id, g.id, [a.id, b.id]);
    const search = async (s: string) => (await pageMembers(t.id, { groupId: g.id, search: s })).items.map((m) => m.customerId);
    expect(await search("Ali")).toEqual([a.id]);
    expect(await search("8765")).toEqual([b.id]);
    expect(await search("138-1234")).toEqual([a.id]);
    expect(outsider.id).toBeGreaterThan(0);
  });

  it("exports every member in pages, with their phone numbers", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "export" });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await customer(t.id, `c${i}`, i === 0 ? ["1", "2"] : [])).id);
    await addMembers(t.id, g.id, ids);
    const pages = [];
    for await (const page of memberExportPages(t.id, g.id, 2)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((m) => m.customerId)).toEqual(ids);
    expect(pages[0][0]).toMatchObject({ name: "c0", phones: ["1", "2"] });
  });

  it("counts joins per day and in all of a range of days of the tenant's zone, both ends included", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "days" });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await customer(t.id, `d${i}`)).id);
    await addMembers(t.id, g.id, ids);
    // Shanghai is UTC+8: 2026-03-01 00:00 there is 2026-02-28 16:00 UTC
    const at = ["2026-02-28T15:59:59Z", "2026-02-28T16:00:00Z", "2026-03-02T15:59:59Z", "2026-03-02T16:00:00Z"];
    for (let i = 0; i < 4; i++) await db.groupMember.updateMany({ where: { groupId: g.id, customerId: ids[i] }, data: { joinedAt: new Date(at[i]) } });
    const r = await joinedBetweenDays(t.id, g.id, { from: "2026-03-01", to: "2026-03-02", timeZone: "Asia/Shanghai" });
    expect(r).toEqual({ days: [{ day: "2026-03-01", count: 1 }, { day: "2026-03-02", count: 1 }], count: 2 });
    const reversed = (await joinedBetweenDays(t.id, g.id, { from: "2026-03-02", to: "2026-03-01", timeZone: "UTC" }).catch((e) => e)) as DomainError;
    expect(reversed.reason).toBe("range_reversed");
  });

  it("narrows the customers list to a group's members", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "filter" });
    const [a, , c] = [await customer(t.id, "a"), await customer(t.id, "b"), await customer(t.id, "c")];
    await addMembers(t.id, g.id, [a.id, c.id]);
    const page = await listCustomerRows(t.id, customerListQuerySchema.parse({ groupId: String(g.id), sort: "name", order: "asc" }));
    expect([page.total, page.items.map((x) => x.id)]).toEqual([2, [a.id, c.id]]);
  });
});
