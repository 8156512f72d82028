import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queryCustomerEventsBody, toWireEvent } from "@/lib/openapi/events/customer-events";
import { API, batch, eventWorld, paid, parse, type EventWorld } from "@/lib/test/customer-events";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { queryCustomerEvents, recordEvent, recordEvents } from "./service";

/** queryByCustomerId as the route runs it: the dialect's body in, the dialect's items out. */
async function query(tenantId: number, body: Record<string, unknown>) {
  const page = await queryCustomerEvents(tenantId, queryCustomerEventsBody.parse(body));
  const timeZone = await tenantTimeZone(tenantId);
  return { ...page, items: page.items.map((e) => toWireEvent(e, timeZone)) };
}

describe("queryByCustomerId", () => {
  async function history(w: EventWorld) {
    await recordEvents(
      w.tenant.id,
      batch([
        { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-01 09:00:00", attrValueList: [{ attrKey: "url", attrValue: "/a" }] },
        { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 10:00:00", attrValueList: [{ attrKey: "amount", attrValue: "5" }] },
        { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-02 09:00:00", attrValueList: [{ attrKey: "url", attrValue: "/b" }] },
        { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-02 09:00:00", attrValueList: [{ attrKey: "url", attrValue: "/c" }] },
        { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-03 23:59:59" },
        { customerId: w.bob.id, event: "page_view", happenTime: "2026-03-02 09:00:00" },
      ]),
      API,
    );
  }

  it("lists newest first, ties by recording order, in the tenant's time zone", async () => {
    const w = await eventWorld();
    await history(w);
    const page = await query(w.tenant.id, { customerId: w.alice.id });
    expect(page.total).toBe(5);
    expect(page.items.map((e) => [e.event, e.happenTime, e.time, e.attrValueList.map((a) => a.attrValue).join()])).toEqual([
      ["order_paid", "2026-03-03 23:59:59", "2026-03-03", ""],
      ["page_view", "2026-03-02 09:00:00", "2026-03-02", "/c"],
      ["page_view", "2026-03-02 09:00:00", "2026-03-02", "/b"],
      ["order_paid", "2026-03-01 10:00:00", "2026-03-01", "5"],
      ["page_view", "2026-03-01 09:00:00", "2026-03-01", "/a"],
    ]);
  });

  it("filters by event key and by an inclusive time range (a bare date covers its day)", async () => {
    const w = await eventWorld();
    await history(w);
    const paidOnly = await query(w.tenant.id, { customerId: w.alice.id, event: "order_paid" });
    expect(paidOnly.items.map((e) => e.happenTime)).toEqual(["2026-03-03 23:59:59", "2026-03-01 10:00:00"]);
    const range = await query(w.tenant.id, { customerId: w.alice.id, startTime: "2026-03-01 10:00:00", endTime: "2026-03-02 09:00:00" });
    expect(range.items.map((e) => e.happenTime)).toEqual(["2026-03-02 09:00:00", "2026-03-02 09:00:00", "2026-03-01 10:00:00"]);
    const day = await query(w.tenant.id, { customerId: w.alice.id, startTime: "2026-03-03", endTime: "2026-03-03" });
    expect(day.items.map((e) => e.happenTime)).toEqual(["2026-03-03 23:59:59"]);
    await expect(query(w.tenant.id, { customerId: w.alice.id, event: "nope" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(query(w.tenant.id, { customerId: w.alice.id, startTime: "2026-03-04", endTime: "2026-03-03" })).rejects.toMatchObject({
      kind: "invalid",
      message: "startTime is after endTime",
    });
  });

  it("pages with pageNum and pageSize", async () => {
    const w = await eventWorld();
    await history(w);
    const p1 = await query(w.tenant.id, { customerId: w.alice.id, pageSize: 2 });
    const p3 = await query(w.tenant.id, { customerId: w.alice.id, pageSize: 2, pageNum: 3 });
    const p4 = await query(w.tenant.id, { customerId: w.alice.id, pageSize: "2", pageNum: "4" });
    expect([p1.items.length, p3.items.length, p4.items.length]).toEqual([2, 1, 0]);
    expect(p3.items[0].happenTime).toBe("2026-03-01 09:00:00");
    expect(p1).toMatchObject({ total: 5, pageNum: 1, pageSize: 2 });
    expect(queryCustomerEventsBody.safeParse({ customerId: 1, pageSize: 1001 }).success).toBe(false);
    expect(queryCustomerEventsBody.safeParse({ customerId: 1, pageNum: 0 }).success).toBe(false);
    expect(queryCustomerEventsBody.parse({ customerId: 1 })).toMatchObject({ pageNum: 1, pageSize: 100 });
  });

  it("finds the customer by identity too", async () => {
    const w = await eventWorld();
    await history(w);
    const page = await query(w.tenant.id, { identityType: "phone", identityValue: w.bob.phone });
    expect(page.items.map((e) => e.event)).toEqual(["page_view"]);
  });

  it("reads and writes happenTime in the tenant's own zone", async () => {
    const w = await eventWorld({ timeZone: "America/New_York" });
    const { eventId } = await recordEvent(w.tenant.id, paid(w.alice.id, { happenTime: "2026-07-01 21:30:00" }), API);
    expect((await db.customerEvent.findUniqueOrThrow({ where: { id: eventId } })).happenTime.toISOString()).toBe("2026-07-02T01:30:00.000Z");
    const page = await query(w.tenant.id, { customerId: w.alice.id, startTime: "2026-07-01", endTime: "2026-07-01" });
    expect(page.items.map((e) => [e.happenTime, e.time])).toEqual([["2026-07-01 21:30:00", "2026-07-01"]]);
  });
});

describe("tenant isolation", () => {
  it("never reaches another tenant's customers, event types or events", async () => {
    const a = await eventWorld();
    const b = await eventWorld();
    await recordEvent(a.tenant.id, paid(a.alice.id), API);
    await expect(recordEvent(b.tenant.id, paid(a.alice.id), API)).rejects.toMatchObject({ kind: "not_found" });
    await expect(query(b.tenant.id, { customerId: a.alice.id })).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      recordEvent(b.tenant.id, parse({ identityType: "phone", identityValue: a.alice.phone, event: "plain", happenTime: "2026-03-01 12:00:00" }), API),
    ).rejects.toMatchObject({ kind: "not_found" });
    // the same key names each tenant's own type
    const { eventId } = await recordEvent(b.tenant.id, paid(b.alice.id), API);
    expect((await db.customerEvent.findUniqueOrThrow({ where: { id: eventId } })).eventTypeId).toBe(b.types.orderPaid.id);
    expect((await query(a.tenant.id, { customerId: a.alice.id })).total).toBe(1);
  });
});
