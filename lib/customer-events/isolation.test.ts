import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { parseWireTime, formatWireTime, SECONDS } from "@/lib/openapi/customers/time";
import { currentProvider } from "@/lib/db/sql";
import { toWireEvent } from "@/lib/openapi/events/customer-events";
import { queryCustomerEvents, recordEvent, recordEvents } from "./service";
import { API, batch, eventWorld, paid } from "@/lib/test/customer-events";

/**
 * A poisoned eventId: PostgreSQL refuses a NUL character inside text (so the lookup of recorded
 * eventIds fails inside the database); SQLite stores it, so there the same lookup is made to fail
 * the way PostgreSQL's does. The edge refuses NULs too, but ingestion must not rely on it.
 */
const POISON = "poison\u0000";
vi.mock("./repository", async (importOriginal) => {
  const real = await importOriginal<typeof import("./repository")>();
  return {
    ...real,
    findRecordedKeys: async (tenantId: number, keys: readonly string[], tx?: Parameters<typeof real.findRecordedKeys>[2]) => {
      if (currentProvider() === "sqlite" && keys.some((k) => k.includes("\u0000"))) {
        throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
      }
      return real.findRecordedKeys(tenantId, keys, tx);
    },
  };
});

describe("one bad event fails alone", () => {
  it("a poisoned create of one tenant does not fail ten concurrent creates of another", async () => {
    const a = await eventWorld();
    const b = await eventWorld();
    // submitted in the same tick: they share one flush of the group commit
    const poisoned = recordEvent(a.tenant.id, paid(a.alice.id, { eventId: POISON }), API, { timeZone: "Asia/Shanghai" });
    const valid = Array.from({ length: 10 }, (_, i) =>
      recordEvent(b.tenant.id, paid(b.alice.id, { eventId: `ok-${i}` }), API, { timeZone: "Asia/Shanghai" }),
    );
    const settled = await Promise.allSettled([poisoned, ...valid]);
    expect(settled[0].status).toBe("rejected");
    expect(settled.slice(1).every((s) => s.status === "fulfilled")).toBe(true);
    expect(await db.customerEvent.count({ where: { tenantId: b.tenant.id } })).toBe(10);
    expect(await db.customerEvent.count({ where: { tenantId: a.tenant.id } })).toBe(0);
  });

  it("batchCreate [good, bad, good] writes the good ones when the bad one breaks inside the database", async () => {
    const w = await eventWorld();
    const body = (eventId: string) => ({ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", eventId });
    const results = await recordEvents(w.tenant.id, batch([body("g1"), body(POISON), body("g2")]), API);
    expect(results.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(results[1].error?.kind).toBe("internal");
    const stored = await db.customerEvent.findMany({ where: { tenantId: w.tenant.id }, orderBy: { id: "asc" } });
    expect(stored.map((e) => e.idempotencyKey)).toEqual(["g1", "g2"]);
  });
});

describe("long attribute values", () => {
  it("records a 4,000-character Chinese text attribute and reads it back", async () => {
    const w = await eventWorld();
    const long = "客户数据平台".repeat(667).slice(0, 4000);
    expect(Buffer.byteLength(long)).toBeGreaterThan(2700 * 4);
    const { eventId } = await recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: [{ attrKey: "product", attrValue: long }] }), API);
    const attrs = await db.customerEventAttribute.findMany({ where: { eventId } });
    expect(attrs).toHaveLength(1);
    expect(attrs[0]).toMatchObject({ tenantId: w.tenant.id, eventTypeId: w.types.orderPaid.id, value: long });
    // a second one: nothing unique or size-limited stands in the way
    await recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: [{ attrKey: "product", attrValue: long }] }), API);
    expect(await db.customerEventAttribute.count({ where: { tenantId: w.tenant.id, attrKey: "product" } })).toBe(2);
  });

  it("stores half a surrogate pair (which a JSON body can carry) as U+FFFD on both databases", async () => {
    const w = await eventWorld();
    const [result] = await recordEvents(
      w.tenant.id,
      batch([{ customerId: w.alice.id, event: "order_paid", eventName: "a\ud800b", happenTime: "2026-03-01 12:00:00", attrValueList: [{ attrKey: "product", attrValue: "\udc00x" }] }]),
      API,
    );
    expect(result.ok).toBe(true);
    const event = await db.customerEvent.findUniqueOrThrow({ where: { id: result.eventId! }, include: { attributes: true } });
    expect([event.eventName, event.attributes[0].value]).toEqual(["a\ufffdb", "\ufffdx"]);
  });
});

describe("years 1900 to 2999", () => {
  it("round-trips the first and last second of the range in the tenant's zone", async () => {
    const w = await eventWorld();
    for (const happenTime of ["1900-01-01 00:00:00", "2999-12-31 23:59:59", "1901-01-01 00:00:00", "1999-12-31 23:59:59"]) {
      await recordEvent(w.tenant.id, paid(w.alice.id, { happenTime, eventId: happenTime }), API);
    }
    const page = await queryCustomerEvents(w.tenant.id, { customerId: w.alice.id, eventKey: undefined, identityType: undefined, identityValue: undefined, pageNum: 1, pageSize: 10 });
    expect(page.items.map((e) => toWireEvent(e, w.tenant.timeZone).happenTime)).toEqual(["2999-12-31 23:59:59", "1999-12-31 23:59:59", "1901-01-01 00:00:00", "1900-01-01 00:00:00"]);
  });

  it("refuses 1899 and 3000 as invalid_time naming the field", async () => {
    const w = await eventWorld();
    for (const [field, value] of [
      ["happenTime", "1899-12-31 23:59:59"],
      ["happenTime", "3000-01-01 00:00:00"],
      ["happenTime", "0001-01-01 00:00:00"],
      ["scheduledTime", "0099-01-01 10:00:00"],
    ]) {
      const [r] = await recordEvents(w.tenant.id, batch([{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", [field]: value }]), API);
      expect(r.ok, value).toBe(false);
      expect(r.error).toMatchObject({ kind: "invalid", reason: "invalid_time", details: [expect.objectContaining({ path: field })] });
    }
    expect(await db.customerEvent.count({ where: { tenantId: w.tenant.id } })).toBe(0);
  });

  it("the customers dialect's times refuse years outside the range and round-trip inside it", () => {
    expect(parseWireTime("0099-01-01 10:00", "Asia/Shanghai")).toBeNull();
    expect(parseWireTime("1899-12-31 23:59", "Asia/Shanghai")).toBeNull();
    expect(parseWireTime("3000-01-01 00:00", "Asia/Shanghai")).toBeNull();
    for (const t of ["1900-01-01 00:00:00", "2999-12-31 23:59:59"]) {
      expect(formatWireTime(parseWireTime(t, "Asia/Shanghai"), "Asia/Shanghai", SECONDS)).toBe(t);
    }
  });
});
