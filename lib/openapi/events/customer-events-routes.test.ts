import { describe, expect, it } from "vitest";
import { POST as batchCreate } from "@/app/openapi/customer-event/batchCreate/route";
import { POST as create } from "@/app/openapi/customer-event/create/route";
import { POST as queryByCustomerId } from "@/app/openapi/customer-event/queryByCustomerId/route";
import { db } from "@/lib/db/client";
import { eventWorld, post, tokenFor } from "@/lib/test/customer-events";

/** The events dialect as an integrator sees it: real Requests through the route handlers. */
async function call(route: (req: Request) => Promise<Response>, path: string, token: string | null, body: unknown) {
  const res = await route(post(path, token, body));
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe("POST /openapi/customer-event/create", () => {
  it("answers the seed's success envelope once the event is stored", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const res = await call(create, "create", token, {
      customerId: w.alice.id,
      event: "order_paid",
      eventName: "订单支付",
      happenTime: "2026-03-01 12:00:00",
      scheduledTime: "2026-03-01 12:00:00",
      attrValueList: [{ attrKey: "amount", attrValue: "12", type: "value" }],
    });
    expect(res).toMatchObject({ status: 200, body: { code: 0, msg: "success", data: null } });
    expect(Object.keys(res.body).sort()).toEqual(["code", "data", "msg"]);
    expect(await db.customerEvent.count({ where: { customerId: w.alice.id } })).toBe(1);
  });

  it("answers 400 in the envelope for malformed JSON and wrong types, naming the field", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const malformed = await call(create, "create", token, '{"customerId": 1,');
    expect(malformed).toMatchObject({ status: 400, body: { code: -1, msg: "malformed JSON body", data: null } });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ customerId: "abc", event: "order_paid", happenTime: "2026-03-01 12:00:00" }, /customerId: must be a positive integer/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: 20260301 }, /happenTime: must be a time "yyyy-MM-dd HH:mm:ss"/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01T12:00:00Z" }, /happenTime: must be a valid time/],
      [{ customerId: w.alice.id, event: "order_paid" }, /happenTime: required/],
      [{ customerId: w.alice.id, happenTime: "2026-03-01 12:00:00" }, /event: required/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", scheduledTime: "tomorrow" }, /scheduledTime: must be a valid time/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", attrValueList: "amount=1" }, /attrValueList/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", latitude: "north" }, /latitude: must be a number between -90 and 90/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", eventId: "x".repeat(129) }, /eventId: longer than 128/],
      [{ event: "order_paid", happenTime: "2026-03-01 12:00:00" }, /customerId or identityType \+ identityValue is required/],
      [{ identityType: "phone", event: "order_paid", happenTime: "2026-03-01 12:00:00" }, /identityValue: required with identityType/],
      [{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", attrValueList: [{ attrKey: "amount", attrValue: "lots", type: "value" }] }, /"amount": "lots" is not a number/],
    ];
    for (const [body, msg] of cases) {
      const res = await call(create, "create", token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ code: -1, data: null });
      expect(res.body.msg).toMatch(msg);
    }
    expect(await db.customerEvent.count({ where: { tenantId: w.tenant.id } })).toBe(0);
  });

  it("answers 404 for an unknown customer or event key, 400 for an archived type", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const base = { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00" };
    expect(await call(create, "create", token, { ...base, customerId: 987654 })).toMatchObject({
      status: 404,
      body: { code: -1, msg: "customer 987654 not found", data: null },
    });
    expect(await call(create, "create", token, { ...base, customerId: undefined, identityType: "email", identityValue: "who@x.test" })).toMatchObject({
      status: 404,
      body: { msg: 'no customer with email "who@x.test"' },
    });
    expect(await call(create, "create", token, { ...base, event: "nope" })).toMatchObject({ status: 404, body: { msg: 'event type "nope" not found' } });
    const archived = await call(create, "create", token, { ...base, event: "old_event" });
    expect(archived.status).toBe(400);
    expect(archived.body.msg).toContain('"old_event" is archived');
  });

  it("acknowledges a repeated eventId without writing again", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const body = { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", eventId: "erp-42" };
    const [a, b] = await Promise.all([call(create, "create", token, body), call(create, "create", token, body)]);
    expect([a.body.code, b.body.code]).toEqual([0, 0]);
    expect(await call(create, "create", token, body)).toMatchObject({ status: 200, body: { code: 0 } });
    expect(await db.customerEvent.count({ where: { customerId: w.alice.id } })).toBe(1);
  });

  it("lets concurrent creates share transactions (group commit), each acknowledged once stored", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(create, "create", token, { customerId: i % 2 ? w.alice.id : w.bob.id, event: "page_view", happenTime: "2026-03-01 12:00:00" }),
      ),
    );
    expect(responses.every((r) => r.status === 200 && r.body.code === 0)).toBe(true);
    const rows = await db.customerEvent.findMany({ where: { tenantId: w.tenant.id }, select: { createdAt: true } });
    expect(rows).toHaveLength(40);
    // one flush = one transaction = one createdAt
    const flushes = new Set(rows.map((r) => r.createdAt.getTime())).size;
    expect(flushes).toBeLessThanOrEqual(10);
    expect(await db.customer.findUniqueOrThrow({ where: { id: w.alice.id }, select: { score: true } })).toEqual({ score: 20 });
  });

  it("answers 401 without a token and 403 to a read-only key", async () => {
    const w = await eventWorld();
    const body = { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00" };
    expect(await call(create, "create", null, body)).toMatchObject({ status: 401, body: { code: -1, data: null } });
    expect(await call(create, "create", "not-a-token", body)).toMatchObject({ status: 401 });
    const readOnly = await tokenFor(w.tenant.id, "customers:read");
    const denied = await call(create, "create", readOnly, body);
    expect(denied).toMatchObject({ status: 403, body: { code: -1, data: null } });
    expect(denied.body.msg).toContain("customers:write");
    expect((await call(batchCreate, "batchCreate", readOnly, { events: [body] })).status).toBe(403);
    expect(await db.customerEvent.count({ where: { tenantId: w.tenant.id } })).toBe(0);
  });
});

describe("POST /openapi/customer-event/batchCreate", () => {
  it("answers {index, ok, error?} per event and writes the valid ones", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const ok = { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-01 12:00:00" };
    const res = await call(batchCreate, "batchCreate", token, {
      events: [ok, { ...ok, customerId: "x" }, { ...ok, event: "nope" }, { ...ok, customerId: w.bob.id }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 0,
      msg: "success",
      data: [
        { index: 0, ok: true },
        { index: 1, ok: false, error: "customerId: must be a positive integer" },
        { index: 2, ok: false, error: 'event type "nope" not found' },
        { index: 3, ok: true },
      ],
    });
    expect(await db.customerEvent.count({ where: { tenantId: w.tenant.id } })).toBe(2);
  });

  it("answers 400 for a missing, empty or oversized events array", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    const one = { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-01 12:00:00" };
    for (const [body, msg] of [
      [{}, /events: required/],
      [{ events: {} }, /events: must be an array/],
      [{ events: [] }, /events: holds no event/],
      [{ events: new Array(1001).fill(one) }, /events: holds more than 1000 events/],
    ] as const) {
      const res = await call(batchCreate, "batchCreate", token, body);
      expect(res).toMatchObject({ status: 400, body: { code: -1, data: null } });
      expect(res.body.msg).toMatch(msg);
    }
    const full = await call(batchCreate, "batchCreate", token, { events: new Array(1000).fill(one) });
    expect(full.status).toBe(200);
    expect(full.body.data.filter((r: { ok: boolean }) => r.ok)).toHaveLength(1000);
  });
});

describe("POST /openapi/customer-event/queryByCustomerId", () => {
  it("answers the seed's item shape, newest first, with paging in headers", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id);
    await call(create, "create", token, {
      customerId: w.alice.id,
      event: "order_paid",
      eventName: "订单支付",
      eventValue: "1299",
      happenTime: "2026-03-01 23:30:00",
      source: "淘宝",
      source1: "s1",
      province: "安徽省",
      city: "合肥市",
      district: "蜀山区",
      latitude: 31.82,
      longitude: "117.22",
      attrValueList: [
        { attrKey: "amount", attrValue: "1299", type: "value" },
        { attrKey: "paidAt", attrValue: "2026-03-01 23:29:00", type: "datetime" },
      ],
    });
    await call(create, "create", token, { customerId: w.alice.id, event: "page_view", happenTime: "2026-02-01 08:00:00" });
    const res = await call(queryByCustomerId, "queryByCustomerId", token, { customerId: w.alice.id, pageSize: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 0,
      msg: "success",
      data: [
        {
          event: "order_paid",
          eventName: "订单支付",
          eventValue: "1299",
          happenTime: "2026-03-01 23:30:00",
          time: "2026-03-01",
          source: "淘宝",
          source1: "s1",
          source2: null,
          source3: null,
          source4: null,
          source5: null,
          source6: null,
          source7: null,
          source8: null,
          province: "安徽省",
          city: "合肥市",
          district: "蜀山区",
          latitude: "31.82",
          longitude: "117.22",
          attrValueList: [
            { attrKey: "amount", attrValue: "1299", type: "value" },
            { attrKey: "paidAt", attrValue: "2026-03-01 23:29:00", type: "DateTime" },
          ],
        },
      ],
    });
    expect([res.headers.get("x-total-count"), res.headers.get("x-page-num"), res.headers.get("x-page-size")]).toEqual(["2", "1", "1"]);
    const page2 = await call(queryByCustomerId, "queryByCustomerId", token, { customerId: w.alice.id, pageSize: 1, pageNum: 2 });
    expect(page2.body.data.map((e: { event: string }) => e.event)).toEqual(["page_view"]);
  });

  it("answers 400 for page limits and bad times, 404 for unknown customers and keys", async () => {
    const w = await eventWorld();
    const token = await tokenFor(w.tenant.id, "customers:read");
    for (const [body, msg] of [
      [{ customerId: w.alice.id, pageSize: 1001 }, /pageSize: must be at most 1000/],
      [{ customerId: w.alice.id, pageSize: 0 }, /pageSize: must be at least 1/],
      [{ customerId: w.alice.id, pageNum: -1 }, /pageNum: must be at least 1/],
      [{ customerId: w.alice.id, pageNum: 1.5 }, /pageNum: must be an integer/],
      [{ customerId: w.alice.id, startTime: "yesterday" }, /startTime: must be "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd"/],
      [{}, /customerId or identityType \+ identityValue is required/],
    ] as const) {
      const res = await call(queryByCustomerId, "queryByCustomerId", token, body);
      expect(res).toMatchObject({ status: 400, body: { code: -1, data: null } });
      expect(res.body.msg).toMatch(msg);
    }
    expect(await call(queryByCustomerId, "queryByCustomerId", token, { customerId: 987654 })).toMatchObject({ status: 404 });
    expect(await call(queryByCustomerId, "queryByCustomerId", token, { customerId: w.alice.id, event: "nope" })).toMatchObject({ status: 404 });
    const empty = await call(queryByCustomerId, "queryByCustomerId", token, { customerId: w.alice.id, pageSize: 1000 });
    expect(empty).toMatchObject({ status: 200, body: { code: 0, msg: "success", data: [] } });
    expect(await call(queryByCustomerId, "queryByCustomerId", null, { customerId: w.alice.id })).toMatchObject({ status: 401 });
    const writeOnly = await tokenFor(w.tenant.id, "customers:write");
    expect(await call(queryByCustomerId, "queryByCustomerId", writeOnly, { customerId: w.alice.id })).toMatchObject({ status: 403 });
  });

  it("never shows another tenant's customer", async () => {
    const a = await eventWorld();
    const b = await eventWorld();
    const tokenA = await tokenFor(a.tenant.id);
    await call(create, "create", tokenA, { customerId: a.alice.id, event: "plain", happenTime: "2026-03-01 12:00:00" });
    const tokenB = await tokenFor(b.tenant.id);
    expect(await call(queryByCustomerId, "queryByCustomerId", tokenB, { customerId: a.alice.id })).toMatchObject({ status: 404 });
    expect(await call(create, "create", tokenB, { customerId: a.alice.id, event: "plain", happenTime: "2026-03-01 12:00:00" })).toMatchObject({
      status: 404,
    });
  });
});
