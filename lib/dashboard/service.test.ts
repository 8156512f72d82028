import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { getDashboard } from "./service";

/** A tenant in `timeZone` with two event types and two live customers (and a deleted one). */
async function world(timeZone: string) {
  const tenant = await makeTenant();
  await db.tenant.update({ where: { id: tenant.id }, data: { timeZone } });
  const view = await db.eventType.create({ data: { tenantId: tenant.id, eventKey: "page_view", name: "浏览页面" } });
  const paid = await db.eventType.create({ data: { tenantId: tenant.id, eventKey: "order_paid", name: "订单支付" } });
  const idle = await db.eventType.create({ data: { tenantId: tenant.id, eventKey: "idle", name: "Never recorded" } });
  const alice = await db.customer.create({ data: { tenantId: tenant.id, name: "Alice" } });
  await db.customer.create({ data: { tenantId: tenant.id, name: "Bob" } });
  await db.customer.create({ data: { tenantId: tenant.id, name: "Gone", deletedAt: new Date() } });
  const record = (type: { id: number; eventKey: string; name: string }, ...instants: string[]) =>
    db.customerEvent.createMany({
      data: instants.map((t) => ({
        tenantId: tenant.id,
        customerId: alice.id,
        eventTypeId: type.id,
        eventKey: type.eventKey,
        eventName: type.name,
        happenTime: new Date(t),
      })),
    });
  return { tenant, types: { view, paid, idle }, record };
}

const countOn = (days: { date: string; count: number }[], date: string) => days.find((d) => d.date === date)?.count;

describe("getDashboard", () => {
  it("counts customers and events by calendar day of the tenant's time zone, zero days included", async () => {
    const w = await world("Asia/Shanghai");
    // now: Tuesday 2026-03-31 12:00 in Shanghai (UTC+8); the week began on Monday 2026-03-30
    const now = new Date("2026-03-31T04:00:00Z");
    await w.record(
      w.types.view,
      "2026-03-30T16:30:00Z", // 03-31 00:30 local: today, though still the 30th in UTC
      "2026-03-30T15:59:59Z", // 03-30 23:59:59 local: yesterday, this week
      "2026-03-29T02:00:00Z", // Sunday 03-29 10:00 local: last week
      "2026-03-01T16:00:00Z", // 03-02 00:00 local: the chart's first day
    );
    await w.record(
      w.types.paid,
      "2026-03-29T03:00:00Z", // Sunday 03-29 11:00 local
      "2026-03-01T15:59:59Z", // 03-01 23:59:59 local: the day before the chart, not counted
      "2026-03-31T16:00:00Z", // 04-01 00:00 local: tomorrow, not counted
    );
    const other = await world("Asia/Shanghai");
    await other.record(other.types.view, "2026-03-31T03:00:00Z");

    const d = await getDashboard(w.tenant.id, now);
    expect(d).toMatchObject({ timeZone: "Asia/Shanghai", today: "2026-03-31", totalCustomers: 2, eventsToday: 1, eventsThisWeek: 2 });
    expect(d.eventsPerDay).toHaveLength(30);
    expect(d.eventsPerDay[0]).toEqual({ date: "2026-03-02", count: 1 });
    expect(d.eventsPerDay.at(-1)).toEqual({ date: "2026-03-31", count: 1 });
    expect(countOn(d.eventsPerDay, "2026-03-30")).toBe(1);
    expect(countOn(d.eventsPerDay, "2026-03-29")).toBe(2);
    expect(countOn(d.eventsPerDay, "2026-03-15")).toBe(0);
    expect(d.eventsPerDay.reduce((s, x) => s + x.count, 0)).toBe(5);
    expect(d.topEventTypes).toEqual([
      { eventTypeId: w.types.view.id, eventKey: "page_view", name: "浏览页面", count: 4 },
      { eventTypeId: w.types.paid.id, eventKey: "order_paid", name: "订单支付", count: 1 },
    ]);
  });

  it("follows daylight-saving time: the day the clocks go forward has 23 hours", async () => {
    const w = await world("America/New_York");
    // 2026-03-08 is the day New York moves from UTC-5 to UTC-4: it runs 05:00Z to 04:00Z the next day
    const now = new Date("2026-03-10T15:00:00Z");
    await w.record(
      w.types.view,
      "2026-03-08T05:00:00Z", // 03-08 00:00 EST
      "2026-03-09T03:30:00Z", // 03-08 23:30 EDT
      "2026-03-09T04:30:00Z", // 03-09 00:30 EDT: a day counted as 24 hours would put this on the 8th
      "2026-03-08T04:59:59Z", // 03-07 23:59:59 EST
    );
    const d = await getDashboard(w.tenant.id, now);
    expect(d.today).toBe("2026-03-10");
    expect(countOn(d.eventsPerDay, "2026-03-07")).toBe(1);
    expect(countOn(d.eventsPerDay, "2026-03-08")).toBe(2);
    expect(countOn(d.eventsPerDay, "2026-03-09")).toBe(1);
    expect(countOn(d.eventsPerDay, "2026-03-10")).toBe(0);
    // Tuesday: the week holds Monday the 9th and today
    expect(d).toMatchObject({ eventsToday: 0, eventsThisWeek: 1 });
  });

  it("lists at most five event types, most recorded first, archived ones included", async () => {
    const w = await world("Asia/Shanghai");
    const now = new Date("2026-03-31T04:00:00Z");
    const types = [];
    for (let i = 1; i <= 6; i++) {
      const type = await db.eventType.create({
        data: { tenantId: w.tenant.id, eventKey: `k${i}`, name: `Type ${i}`, archivedAt: i === 6 ? new Date() : null },
      });
      types.push(type);
      await w.record(type, ...Array.from({ length: i }, () => "2026-03-20T00:00:00Z"));
    }
    // 40 days ago: outside the 30 days, so k1 does not overtake anyone
    await w.record(types[0], ...Array.from({ length: 10 }, () => "2026-02-19T00:00:00Z"));
    const d = await getDashboard(w.tenant.id, now);
    expect(d.topEventTypes.map((t) => [t.eventKey, t.count])).toEqual([
      ["k6", 6],
      ["k5", 5],
      ["k4", 4],
      ["k3", 3],
      ["k2", 2],
    ]);
  });

  it("answers zeros for a tenant without events", async () => {
    const tenant = await makeTenant();
    const d = await getDashboard(tenant.id, new Date("2026-06-15T12:00:00Z"));
    expect(d).toMatchObject({ totalCustomers: 0, eventsToday: 0, eventsThisWeek: 0, topEventTypes: [] });
    expect(d.eventsPerDay.map((x) => x.count)).toEqual(Array(30).fill(0));
    expect(d.eventsPerDay[0].date).toBe("2026-05-17");
  });
});
