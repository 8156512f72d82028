import { expect, test, type TenantFixture } from "../fixtures";
import type { APIRequestContext } from "@playwright/test";
import {
  addEventType,
  createCustomer,
  customersClient,
  eventsClient,
  expectEventsError,
  expectEventsOk,
  stages,
  uid,
  uniquePhone,
  type EventsClient,
  type WireCustomer,
} from "./helpers";

// Recording and reading customer events (seed 000, second half). Customers are made the way an
// integrator makes them: through the customers dialect's create_customer.

interface WireEvent {
  event: string;
  eventName: string;
  eventValue: string | null;
  happenTime: string;
  time: string;
  attrValueList: { attrKey: string; attrValue: string; type: string }[];
  [field: string]: unknown;
}

interface Setup {
  api: EventsClient;
  customer: WireCustomer;
  phone: string;
  eventKey: string;
  stageId: number;
}

/** A fresh customer (with a phone and an e-mail) and an event type with one attribute of each kind. */
async function setup(request: APIRequestContext, tenant: TenantFixture): Promise<Setup> {
  const api = await eventsClient(request, tenant.key);
  const phone = uniquePhone();
  const tag = uid();
  const customer = await createCustomer(customersClient(request, tenant.key), {
    custname: `买家 ${tag}`,
    cellphones: [[null, phone]],
    email: `Buyer.${tag}@Example.com`,
  });
  const deal = (await stages(api))[2];
  const eventKey = `order_paid_${tag}`;
  await addEventType(api, {
    eventKey,
    isInteract: "1",
    name: "订单支付",
    rating: 10,
    stageId: deal.stageId,
    attrList: [
      { attrKey: "orderNo", attrName: "订单号", showInFlow: 1, type: "text" },
      { attrKey: "amount", attrName: "金额", showInFlow: 1, type: "value" },
      { attrKey: "payDay", attrName: "支付日", showInFlow: 0, type: "Date" },
      { attrKey: "paidAt", attrName: "支付时间", showInFlow: 0, type: "DateTime" },
    ],
  });
  return { api, customer, phone, eventKey, stageId: deal.stageId };
}

async function query(api: EventsClient, body: Record<string, unknown>) {
  const res = await api.post<WireEvent[]>("/openapi/customer-event/queryByCustomerId", body);
  const data = expectEventsOk(res);
  return { data, total: Number(res.headers["x-total-count"]), pageNum: Number(res.headers["x-page-num"]), pageSize: Number(res.headers["x-page-size"]) };
}

async function customerById(request: APIRequestContext, tenant: TenantFixture, id: number): Promise<WireCustomer> {
  const res = await customersClient(request, tenant.key).get<{ result: WireCustomer[] }>("get_customer", { type: "id", content: id });
  expect(res.status).toBe(200);
  return res.body.result[0];
}

test.describe("customer-event/create", () => {
  test("by customerId: the event reads back with every seed field, and moves the customer's stage and score", async ({ request, tenant }) => {
    const { api, customer, eventKey } = await setup(request, tenant);
    const res = await api.post("/openapi/customer-event/create", {
      customerId: customer.id,
      event: eventKey,
      eventName: "订单支付（淘宝）",
      eventValue: 1299,
      happenTime: "2026-03-01 12:00:00",
      attrValueList: [
        { attrKey: "orderNo", attrValue: "  NO-1  ", type: "text" },
        { attrKey: "amount", attrValue: 1299.5 },
        { attrKey: "payDay", attrValue: "2026-03-01", type: "DATE" },
        { attrKey: "paidAt", attrValue: "2026-03-01 11:59:30", type: "DateTime" },
      ],
      source: "淘宝",
      source3: "直播间",
      province: "安徽省",
      city: "合肥市",
      latitude: "31.82",
      longitude: 117.22,
    });
    expect(res.body).toEqual({ code: 0, msg: "success", data: null });

    const { data, total } = await query(api, { customerId: customer.id });
    expect(total).toBe(1);
    expect(data).toEqual([
      {
        event: eventKey,
        eventName: "订单支付（淘宝）",
        eventValue: "1299",
        happenTime: "2026-03-01 12:00:00",
        time: "2026-03-01",
        source: "淘宝",
        source1: null,
        source2: null,
        source3: "直播间",
        source4: null,
        source5: null,
        source6: null,
        source7: null,
        source8: null,
        province: "安徽省",
        city: "合肥市",
        district: null,
        latitude: "31.82",
        longitude: "117.22",
        attrValueList: [
          { attrKey: "orderNo", attrValue: "  NO-1  ", type: "text" },
          { attrKey: "amount", attrValue: "1299.5", type: "value" },
          { attrKey: "payDay", attrValue: "2026-03-01", type: "Date" },
          { attrKey: "paidAt", attrValue: "2026-03-01 11:59:30", type: "DateTime" },
        ],
      },
    ]);

    const after = await customerById(request, tenant, customer.id);
    expect(after.stage).toEqual({ id: expect.any(Number), name: "成交客户" });
    expect(after.score).toBe(10);
  });

  test("by identityType + identityValue: phone (formatting ignored) and e-mail (any case) find the customer", async ({ request, tenant }) => {
    const { api, customer, phone, eventKey } = await setup(request, tenant);
    const dashed = `${phone.slice(0, 3)}-${phone.slice(3, 7)} ${phone.slice(7)}`;
    expectEventsOk(await api.post("/openapi/customer-event/create", { identityType: "phone", identityValue: dashed, event: eventKey, happenTime: "2026-03-01 08:00:00" }));
    expectEventsOk(
      await api.post("/openapi/customer-event/create", {
        identityType: "email",
        identityValue: customer.email!.toUpperCase(),
        event: eventKey,
        happenTime: "2026-03-01 09:00:00",
      }),
    );
    // customerId wins over an identity that names nobody
    expectEventsOk(
      await api.post("/openapi/customer-event/create", {
        customerId: customer.id,
        identityType: "phone",
        identityValue: "10000000000",
        event: eventKey,
        happenTime: "2026-03-01 10:00:00",
      }),
    );
    const { data, total } = await query(api, { identityType: "phone", identityValue: phone });
    expect(total).toBe(3);
    // the type's name is stored when eventName is left out
    expect(data.map((e) => [e.happenTime, e.eventName])).toEqual([
      ["2026-03-01 10:00:00", "订单支付"],
      ["2026-03-01 09:00:00", "订单支付"],
      ["2026-03-01 08:00:00", "订单支付"],
    ]);
    expect((await customerById(request, tenant, customer.id)).score).toBe(30);
  });

  test("attrValueList problems name the attribute, and nothing is written", async ({ request, tenant }) => {
    const { api, customer, eventKey } = await setup(request, tenant);
    const create = (attrValueList: unknown[]) =>
      api.post("/openapi/customer-event/create", { customerId: customer.id, event: eventKey, happenTime: "2026-03-01 12:00:00", attrValueList });

    expectEventsError(await create([{ attrKey: "amount", attrValue: "12abc" }]), 400, 'attrValueList.0: attribute "amount": "12abc" is not a number (type value)');
    expectEventsError(await create([{ attrKey: "color", attrValue: "red" }]), 400, `attrValueList.0: attribute "color" is not defined for event type "${eventKey}"`);
    expectEventsError(
      await create([{ attrKey: "orderNo", attrValue: "A" }, { attrKey: "amount", attrValue: "1", type: "text" }]),
      400,
      'attrValueList.1: attribute "amount" is of type value, not text',
    );
    expectEventsError(
      await create([
        { attrKey: "payDay", attrValue: "2026-02-30" },
        { attrKey: "paidAt", attrValue: "2026-02-01" },
      ]),
      400,
      'attrValueList.0: attribute "payDay": "2026-02-30" is not a Date (yyyy-MM-dd); attrValueList.1: attribute "paidAt": "2026-02-01" is not a DateTime (yyyy-MM-dd HH:mm:ss)',
    );
    expect((await query(api, { customerId: customer.id })).total).toBe(0);
    expect((await customerById(request, tenant, customer.id)).score).toBe(0);
  });

  test("bad bodies, unknown customers and types, and an archived type are refused", async ({ request, tenant }) => {
    const { api, customer, eventKey } = await setup(request, tenant);
    const at = "2026-03-01 12:00:00";
    expectEventsError(await api.post("/openapi/customer-event/create", "{not json"), 400, "malformed JSON body");
    expectEventsError(
      await api.post("/openapi/customer-event/create", { event: eventKey, happenTime: "2026/03/01" }),
      400,
      'happenTime: must be a valid time "yyyy-MM-dd HH:mm:ss" (in the tenant\'s time zone, years 1900 to 2999); customerId or identityType + identityValue is required',
    );
    expectEventsError(await api.post("/openapi/customer-event/create", { customerId: "x", event: eventKey, happenTime: at }), 400, "customerId: must be a positive integer");
    expectEventsError(await api.post("/openapi/customer-event/create", { identityType: "phone", event: eventKey, happenTime: at }), 400, "identityValue: required with identityType");
    expectEventsError(await api.post("/openapi/customer-event/create", { customerId: 2_000_000_000, event: eventKey, happenTime: at }), 404, "customer 2000000000 not found");
    expectEventsError(await api.post("/openapi/customer-event/create", { identityType: "phone", identityValue: "10000000000", event: eventKey, happenTime: at }), 404, 'no customer with phone "10000000000"');
    expectEventsError(await api.post("/openapi/customer-event/create", { customerId: customer.id, event: "nope", happenTime: at }), 404, 'event type "nope" not found');

    expectEventsOk(await api.post("/openapi/event-type/delete", { eventKey }));
    expectEventsError(
      await api.post("/openapi/customer-event/create", { customerId: customer.id, event: eventKey, happenTime: at }),
      400,
      `event type "${eventKey}" is archived and accepts no new events`,
    );
    expect((await query(api, { customerId: customer.id })).total).toBe(0);

    const reader = await eventsClient(request, tenant.readOnlyKey);
    expectEventsError(await reader.post("/openapi/customer-event/create", { customerId: customer.id, event: eventKey, happenTime: at }), 403, "this API key lacks the scope customers:write");
  });

  test("the same eventId twice records one event and scores once", async ({ request, tenant }) => {
    const { api, customer, eventKey } = await setup(request, tenant);
    const body = { customerId: customer.id, event: eventKey, happenTime: "2026-03-01 12:00:00", eventId: `erp-${uid()}` };
    expectEventsOk(await api.post("/openapi/customer-event/create", body));
    // a replay answers success whatever else it says, and writes nothing
    expectEventsOk(await api.post("/openapi/customer-event/create", { ...body, happenTime: "2026-03-02 12:00:00", eventName: "重放" }));
    const { data, total } = await query(api, { customerId: customer.id });
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ happenTime: "2026-03-01 12:00:00", eventName: "订单支付" });
    expect((await customerById(request, tenant, customer.id)).score).toBe(10);
  });
});

test.describe("customer-event/batchCreate", () => {
  test("each event succeeds or fails alone, and the answer lists every one in order", async ({ request, tenant }) => {
    const { api, customer, eventKey } = await setup(request, tenant);
    const eventId = `batch-${uid()}`;
    const res = await api.post<{ index: number; ok: boolean; error?: string }[]>("/openapi/customer-event/batchCreate", {
      events: [
        { customerId: customer.id, event: eventKey, happenTime: "2026-03-02 12:00:00", eventId },
        { customerId: "x", event: eventKey, happenTime: "2026-03-01 12:00:00" },
        { customerId: customer.id, event: "nope", happenTime: "2026-03-01 12:00:00" },
        { customerId: customer.id, event: eventKey, happenTime: "2026-03-03 12:00:00", attrValueList: [{ attrKey: "amount", attrValue: "lots" }] },
        { customerId: customer.id, event: eventKey, happenTime: "2026-03-04 12:00:00", eventId },
        { customerId: customer.id, event: eventKey, happenTime: "2026-03-05 12:00:00" },
      ],
    });
    expect(expectEventsOk(res)).toEqual([
      { index: 0, ok: true },
      { index: 1, ok: false, error: "customerId: must be a positive integer" },
      { index: 2, ok: false, error: 'event type "nope" not found' },
      { index: 3, ok: false, error: 'attrValueList.0: attribute "amount": "lots" is not a number (type value)' },
      { index: 4, ok: true },
      { index: 5, ok: true },
    ]);
    const { data } = await query(api, { customerId: customer.id });
    // the repeated eventId was written once, by its first occurrence
    expect(data.map((e) => e.happenTime)).toEqual(["2026-03-05 12:00:00", "2026-03-02 12:00:00"]);
    expect((await customerById(request, tenant, customer.id)).score).toBe(20);
  });

  test("a batch without events, empty, or not JSON is a 400 for the whole request", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    expectEventsError(await api.post("/openapi/customer-event/batchCreate", {}), 400, "events: required, an array of events");
    expectEventsError(await api.post("/openapi/customer-event/batchCreate", { events: [] }), 400, "events: holds no event");
    expectEventsError(await api.post("/openapi/customer-event/batchCreate", { events: "all" }), 400, /^events: /);
    expectEventsError(await api.post("/openapi/customer-event/batchCreate", "[{"), 400, "malformed JSON body");
  });
});

test.describe("customer-event/queryByCustomerId", () => {
  test("newest first, paged with headers, filtered by eventKey and an inclusive time range", async ({ request, tenant }) => {
    const { api, customer, eventKey } = await setup(request, tenant);
    const other = `page_view_${uid()}`;
    await addEventType(api, { eventKey: other, isInteract: "0", name: "浏览", stageId: (await stages(api))[0].stageId, attrList: [] });
    const times = ["2026-03-01 08:00:00", "2026-03-03 23:59:59", "2026-03-02 12:00:00", "2026-03-04 00:00:00", "2026-03-02 00:00:00"];
    const res = await api.post<{ ok: boolean }[]>("/openapi/customer-event/batchCreate", {
      events: times.map((happenTime, i) => ({ customerId: customer.id, event: i % 2 ? other : eventKey, happenTime })),
    });
    expect(expectEventsOk(res).every((r) => r.ok)).toBe(true);

    const all = await query(api, { customerId: customer.id });
    expect(all.total).toBe(5);
    expect(all.data.map((e) => e.happenTime)).toEqual([...times].sort().reverse());

    const page1 = await query(api, { customerId: customer.id, pageSize: 2 });
    const page3 = await query(api, { customerId: customer.id, pageSize: 2, pageNum: 3 });
    expect([page1.total, page1.pageNum, page1.pageSize]).toEqual([5, 1, 2]);
    expect(page1.data.map((e) => e.happenTime)).toEqual(["2026-03-04 00:00:00", "2026-03-03 23:59:59"]);
    expect([page3.pageNum, page3.data.map((e) => e.happenTime)]).toEqual([3, ["2026-03-01 08:00:00"]]);
    expect((await query(api, { customerId: customer.id, pageSize: 2, pageNum: 4 })).data).toEqual([]);

    const views = await query(api, { customerId: customer.id, event: other });
    expect(views.data.map((e) => [e.event, e.eventName, e.happenTime])).toEqual([
      [other, "浏览", "2026-03-04 00:00:00"],
      [other, "浏览", "2026-03-03 23:59:59"],
    ]);

    // a bare date covers its whole day; endTime with a time covers its whole second
    const day2to3 = await query(api, { customerId: customer.id, startTime: "2026-03-02", endTime: "2026-03-03" });
    expect(day2to3.data.map((e) => e.happenTime)).toEqual(["2026-03-03 23:59:59", "2026-03-02 12:00:00", "2026-03-02 00:00:00"]);
    const upTo = await query(api, { customerId: customer.id, endTime: "2026-03-02 12:00:00", event: eventKey });
    expect(upTo.data.map((e) => e.happenTime)).toEqual(["2026-03-02 12:00:00", "2026-03-02 00:00:00", "2026-03-01 08:00:00"]);
    const from = await query(api, { customerId: customer.id, startTime: "2026-03-02 00:00:01", event: eventKey });
    expect(from.data.map((e) => e.happenTime)).toEqual(["2026-03-02 12:00:00"]);
  });

  test("bad filters and paging are 400s, unknown customers and event types 404s", async ({ request, tenant }) => {
    const { api, customer } = await setup(request, tenant);
    expectEventsError(await api.post("/openapi/customer-event/queryByCustomerId", { customerId: customer.id, startTime: "2026-03-02", endTime: "2026-03-01" }), 400, "startTime is after endTime");
    expectEventsError(
      await api.post("/openapi/customer-event/queryByCustomerId", { customerId: customer.id, pageNum: 0, pageSize: 1001 }),
      400,
      "pageNum: must be at least 1; pageSize: must be at most 1000",
    );
    expectEventsError(await api.post("/openapi/customer-event/queryByCustomerId", { customerId: customer.id, startTime: "yesterday" }), 400, /^startTime: must be "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd"/);
    expectEventsError(await api.post("/openapi/customer-event/queryByCustomerId", {}), 400, "customerId or identityType + identityValue is required");
    expectEventsError(await api.post("/openapi/customer-event/queryByCustomerId", { customerId: 2_000_000_000 }), 404, "customer 2000000000 not found");
    expectEventsError(await api.post("/openapi/customer-event/queryByCustomerId", { customerId: customer.id, event: "ghost" }), 404, 'event type "ghost" not found');

    // the read-only key may read
    const reader = await eventsClient(request, tenant.readOnlyKey);
    expect(expectEventsOk(await reader.post("/openapi/customer-event/queryByCustomerId", { customerId: customer.id }))).toEqual([]);
  });
});
