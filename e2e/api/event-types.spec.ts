import { expect, test } from "./api-test";
import {
  addEventType,
  eventsClient,
  expectEventsError,
  expectEventsOk,
  stages,
  uid,
  type EventsClient,
  type WireAttr,
} from "./helpers";

// Event-type metadata in the events dialect (seed 000), driven like an integrator: stages first
// (their ids are needed), then add / update / delete / query, and every way a request can be bad.

interface WireEventType {
  eventKey: string;
  isInteract: "0" | "1";
  name: string;
  rating: number | null;
  stageId: number;
  stageName: string;
  categoryCode: string | null;
  attrList: WireAttr[];
}

interface FlowGroup {
  category: string | null;
  name: string;
  propertys: { name: string; property: string; props: { attrKey: string; attrName: string; type: string }[] }[];
}

async function typesMatching(api: EventsClient, searchKey: string): Promise<WireEventType[]> {
  return expectEventsOk(await api.get<WireEventType[]>(`/openapi/event-type/queryList?searchKey=${encodeURIComponent(searchKey)}`));
}

async function flows(api: EventsClient): Promise<FlowGroup[]> {
  return expectEventsOk(await api.get<FlowGroup[]>("/openapi/event-type/listCustomerEventToFlows"));
}

const orderAttrs = [
  { attrKey: "orderNo", attrName: "订单号", showInFlow: 1, type: "text" },
  { attrKey: "amount", attrName: "金额", showInFlow: 1, type: "value" },
  { attrKey: "paidAt", attrName: "支付时间", showInFlow: 0, type: "DateTime" },
] satisfies WireAttr[];

test.describe("event types: good paths", () => {
  test("stage/queryList gives the tenant's lifecycle stages in order", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const list = await stages(api);
    expect(list.map((s) => [s.stageName, s.sort])).toEqual([
      ["新客户", 1],
      ["意向客户", 2],
      ["成交客户", 3],
      ["复购客户", 4],
      ["流失客户", 5],
    ]);
    for (const s of list) expect(Number.isInteger(s.stageId)).toBe(true);
  });

  test("add with top-level fields, then queryList shows it with stageName, isInteract and canonical attribute types", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [, , deal] = await stages(api);
    const key = `order_paid_${uid()}`;
    const res = await api.post("/openapi/event-type/add", {
      eventKey: key,
      isInteract: "1",
      name: `订单支付 ${key}`,
      rating: 20,
      stageId: deal.stageId,
      categoryCode: "trade",
      attrList: [
        { attrKey: "orderNo", attrName: "订单号", showInFlow: 1, type: "TEXT" },
        { attrKey: "amount", attrName: "金额", showInFlow: "1", type: "value" },
        { attrKey: "paidAt", attrName: "支付时间", showInFlow: 0, type: "datetime" },
      ],
    });
    expect(res.body).toEqual({ code: 0, msg: "success", data: null });

    expect(await typesMatching(api, key)).toEqual([
      {
        eventKey: key,
        isInteract: "1",
        name: `订单支付 ${key}`,
        rating: 20,
        stageId: deal.stageId,
        stageName: "成交客户",
        categoryCode: "trade",
        attrList: orderAttrs,
      },
    ]);
  });

  test("add with the fields inside `data` (the seed's table), isInteract as a number", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first] = await stages(api);
    const key = `page_view_${uid()}`;
    const res = await api.post("/openapi/event-type/add", {
      code: 0,
      msg: "",
      data: { eventKey: key, isInteract: 0, name: "浏览页面", stageId: first.stageId, attrList: [] },
    });
    expect(expectEventsOk(res)).toBeNull();
    const [found] = await typesMatching(api, key);
    expect(found).toMatchObject({ eventKey: key, isInteract: "0", name: "浏览页面", rating: null, stageName: "新客户", categoryCode: null, attrList: [] });
  });

  test("searchKey matches name or eventKey, case-insensitively; no match is an empty list", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first] = await stages(api);
    const tag = uid();
    await addEventType(api, { eventKey: `Signup_${tag}`, isInteract: "0", name: `注册成功 ${tag}`, stageId: first.stageId, attrList: [] });
    await addEventType(api, { eventKey: `coupon_${tag}`, isInteract: "0", name: `领券 ${tag}`, stageId: first.stageId, attrList: [] });

    expect((await typesMatching(api, tag)).map((t) => t.eventKey)).toEqual([`Signup_${tag}`, `coupon_${tag}`]);
    expect((await typesMatching(api, `SIGNUP_${tag}`)).map((t) => t.eventKey)).toEqual([`Signup_${tag}`]);
    expect((await typesMatching(api, `领券 ${tag}`)).map((t) => t.eventKey)).toEqual([`coupon_${tag}`]);
    expect(await typesMatching(api, `nothing-${tag}`)).toEqual([]);
    // no searchKey: all live types, ours among them
    const all = expectEventsOk(await api.get<WireEventType[]>("/openapi/event-type/queryList"));
    expect(all.map((t) => t.eventKey)).toEqual(expect.arrayContaining([`Signup_${tag}`, `coupon_${tag}`]));
  });

  test("update changes the fields sent, keeps the others, and replaces attrList", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first, second] = await stages(api);
    const key = `lead_${uid()}`;
    await addEventType(api, { eventKey: key, isInteract: "0", name: "留资", rating: 5, stageId: first.stageId, attrList: orderAttrs });

    const res = await api.post("/openapi/event-type/update", {
      eventKey: key,
      name: "留资（表单）",
      stageId: second.stageId,
      categoryCode: "interact",
      attrList: [
        { attrKey: "orderNo", attrName: "表单号", showInFlow: 0, type: "text" },
        { attrKey: "channel", attrName: "渠道", showInFlow: 1, type: "text" },
      ],
    });
    expect(res.body).toEqual({ code: 0, msg: "success", data: null });

    expect(await typesMatching(api, key)).toEqual([
      {
        eventKey: key,
        isInteract: "0",
        name: "留资（表单）",
        rating: 5,
        stageId: second.stageId,
        stageName: "意向客户",
        categoryCode: "interact",
        attrList: [
          { attrKey: "orderNo", attrName: "表单号", showInFlow: 0, type: "text" },
          { attrKey: "channel", attrName: "渠道", showInFlow: 1, type: "text" },
        ],
      },
    ]);

    // rating null clears it; isInteract flips; inside `data` works for update too
    expectEventsOk(await api.post("/openapi/event-type/update", { data: { eventKey: key, rating: null, isInteract: "1" } }));
    expect(await typesMatching(api, key)).toEqual([expect.objectContaining({ rating: null, isInteract: "1", name: "留资（表单）" })]);
  });

  test("listCustomerEventToFlows groups live types by category and lists only showInFlow attributes", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first] = await stages(api);
    const tag = uid();
    await addEventType(api, { eventKey: `buy_${tag}`, isInteract: "1", name: `购买 ${tag}`, stageId: first.stageId, categoryCode: "trade", attrList: orderAttrs });
    await addEventType(api, { eventKey: `open_${tag}`, isInteract: "0", name: `打开 ${tag}`, stageId: first.stageId, attrList: [] });

    const groups = await flows(api);
    const trade = groups.find((g) => g.category === "trade");
    expect(trade?.name).toBe("交易行为");
    expect(trade?.propertys).toContainEqual({
      name: `购买 ${tag}`,
      property: `buy_${tag}`,
      props: [
        { attrKey: "orderNo", attrName: "订单号", type: "text" },
        { attrKey: "amount", attrName: "金额", type: "value" },
      ],
    });
    // the ungrouped types come last, as one group named 未分组
    expect(groups.at(-1)).toMatchObject({ category: null, name: "未分组" });
    expect(groups.at(-1)!.propertys).toContainEqual({ name: `打开 ${tag}`, property: `open_${tag}`, props: [] });
  });

  test("delete archives: the type leaves both lists, its key stays taken, a repeated delete succeeds", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first] = await stages(api);
    const key = `gone_${uid()}`;
    await addEventType(api, { eventKey: key, isInteract: "0", name: "将删除", stageId: first.stageId, categoryCode: "trade", attrList: [] });

    expect((await api.post("/openapi/event-type/delete", { eventKey: key })).body).toEqual({ code: 0, msg: "success", data: null });
    expect(await typesMatching(api, key)).toEqual([]);
    expect((await flows(api)).flatMap((g) => g.propertys.map((p) => p.property))).not.toContain(key);

    expectEventsOk(await api.post("/openapi/event-type/delete", { data: { eventKey: key } }));
    const again = await api.post("/openapi/event-type/add", { eventKey: key, isInteract: "0", name: "复活", stageId: first.stageId, attrList: [] });
    expectEventsError(again, 409, `eventKey "${key}" belongs to an archived event type; keys are never reused`);
    const update = await api.post("/openapi/event-type/update", { eventKey: key, name: "x" });
    expectEventsError(update, 409, `event type "${key}" is archived; restore it in the console to change it`);
  });
});

test.describe("event types: bad input", () => {
  test("malformed JSON and a body that is not an object are 400s on every write route", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    for (const route of ["add", "update", "delete"]) {
      expectEventsError(await api.post(`/openapi/event-type/${route}`, '{"eventKey": "x",'), 400, "malformed JSON body");
      expectEventsError(await api.post(`/openapi/event-type/${route}`, "[1, 2]"), 400, "the body must be a JSON object");
    }
  });

  test("missing fields are named one by one", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    expectEventsError(
      await api.post("/openapi/event-type/add", {}),
      400,
      "eventKey: is required; isInteract: is required; name: is required; stageId: is required; attrList: is required",
    );
    expectEventsError(await api.post("/openapi/event-type/update", { name: "x" }), 400, "eventKey: is required");
    expectEventsError(await api.post("/openapi/event-type/delete", {}), 400, "eventKey: is required");
    const attr = await api.post("/openapi/event-type/add", {
      eventKey: `k_${uid()}`,
      isInteract: "0",
      name: "n",
      stageId: 1,
      attrList: [{ attrKey: "a" }],
    });
    expectEventsError(attr, 400, "attrList.0.attrName: is required; attrList.0.showInFlow: is required; attrList.0.type: is required");
  });

  test("wrong types and bad values name the field and what it must be", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const res = await api.post("/openapi/event-type/add", {
      eventKey: "9starts-with-digit",
      isInteract: true,
      name: "",
      rating: 1.5,
      stageId: "3",
      attrList: [
        { attrKey: "1x", attrName: "x", showInFlow: 2, type: "number" },
        { attrKey: "ok", attrName: "y", showInFlow: 1, type: "text" },
      ],
    });
    const msg = expectEventsError(res, 400);
    for (const part of [
      "eventKey: must start with a letter",
      'isInteract: must be "0" (interactive) or "1" (not interactive)',
      "name: is required",
      "rating: must be an integer",
      "stageId: must be a stage id",
      "attrList.0.attrKey: must start with a letter or _",
      "attrList.0.showInFlow: must be 0 (hide) or 1 (show)",
      'attrList.0.type: must be one of text, value, Date, DateTime (got "number")',
    ]) {
      expect(msg).toContain(part);
    }
    const twice = await api.post("/openapi/event-type/add", {
      eventKey: `twice_${uid()}`,
      isInteract: "0",
      name: "n",
      stageId: 1,
      attrList: [
        { attrKey: "ok", attrName: "y", showInFlow: 1, type: "text" },
        { attrKey: "ok", attrName: "z", showInFlow: 1, type: "text" },
      ],
    });
    expectEventsError(twice, 400, 'attrList.1.attrKey: "ok" is used twice (also item 0)');
    expectEventsError(await api.post("/openapi/event-type/add", { eventKey: "k", isInteract: "0", name: "n", stageId: 1, attrList: "none" }), 400, "attrList: must be a list of attributes");
    expectEventsError(await api.get("/openapi/event-type/queryList?searchKey=a&searchKey=b"), 400, "searchKey: must be given once");
    expectEventsError(await api.get(`/openapi/event-type/queryList?searchKey=${"x".repeat(101)}`), 400, "searchKey: must be at most 100 characters");
  });

  test("a taken eventKey is a 409; unknown stage and category are 400s; unknown keys 404", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first] = await stages(api);
    const key = `dup_${uid()}`;
    const body = { eventKey: key, isInteract: "0" as const, name: "重复", stageId: first.stageId, attrList: [] };
    await addEventType(api, body);
    expectEventsError(await api.post("/openapi/event-type/add", { ...body, name: "又一个" }), 409, `eventKey "${key}" already exists`);
    expect(await typesMatching(api, key)).toEqual([expect.objectContaining({ name: "重复" })]);

    const fresh = `nostage_${uid()}`;
    expectEventsError(
      await api.post("/openapi/event-type/add", { ...body, eventKey: fresh, stageId: 999_999 }),
      400,
      "stageId: no stage 999999 in this tenant (GET /openapi/stage/queryList lists them)",
    );
    expectEventsError(
      await api.post("/openapi/event-type/add", { ...body, eventKey: fresh, categoryCode: "nope" }),
      400,
      'categoryCode: no event category with code "nope" in this tenant',
    );
    expectEventsError(await api.post("/openapi/event-type/update", { eventKey: key, stageId: 999_999 }), 400, /^stageId: no stage 999999/);
    // nothing of the refused requests was written
    expect(await typesMatching(api, fresh)).toEqual([]);

    expectEventsError(await api.post("/openapi/event-type/update", { eventKey: "ghost", name: "x" }), 404, 'no event type with eventKey "ghost"');
    expectEventsError(await api.post("/openapi/event-type/delete", { eventKey: "ghost" }), 404, 'no event type with eventKey "ghost"');
  });

  test("a body over 1 MiB is a 413 and writes nothing", async ({ request, tenant }) => {
    const api = await eventsClient(request, tenant.key);
    const [first] = await stages(api);
    const key = `big_${uid()}`;
    const res = await api.post("/openapi/event-type/add", {
      eventKey: key,
      isInteract: "0",
      name: "大",
      stageId: first.stageId,
      attrList: [],
      padding: "x".repeat(1024 * 1024),
    });
    expectEventsError(res, 413, "request body is larger than 1024 KiB");
    expect(await typesMatching(api, key)).toEqual([]);
  });

  test("every route wants a token: none or a bad one is a 401", async ({ request }) => {
    const routes: [string, "GET" | "POST"][] = [
      ["/openapi/event-type/add", "POST"],
      ["/openapi/event-type/update", "POST"],
      ["/openapi/event-type/delete", "POST"],
      ["/openapi/event-type/queryList?searchKey=x", "GET"],
      ["/openapi/event-type/listCustomerEventToFlows", "GET"],
      ["/openapi/stage/queryList", "GET"],
    ];
    for (const [path, method] of routes) {
      for (const headers of [{}, { token: "expired-or-invented" }] as Record<string, string>[]) {
        const res = await request.fetch(path, { method, headers, data: method === "POST" ? { eventKey: "x" } : undefined });
        expect(res.status(), `${method} ${path}`).toBe(401);
        const body = await res.json();
        expect(body).toEqual({ code: -1, msg: expect.stringMatching(/^access token (missing|is invalid or expired)$/), data: null });
      }
    }
  });

  test("a read-only key reads but cannot write (403)", async ({ request, tenant }) => {
    const writer = await eventsClient(request, tenant.key);
    const reader = await eventsClient(request, tenant.readOnlyKey);
    const [first] = await stages(writer);
    const key = `ro_${uid()}`;
    await addEventType(writer, { eventKey: key, isInteract: "0", name: "只读可见", stageId: first.stageId, attrList: [] });

    expect(await typesMatching(reader, key)).toEqual([expect.objectContaining({ eventKey: key, name: "只读可见" })]);
    expect(await stages(reader)).toHaveLength(5);
    expectEventsOk(await reader.get("/openapi/event-type/listCustomerEventToFlows"));

    const denied = "this API key lacks the scope customers:write";
    expectEventsError(await reader.post("/openapi/event-type/add", { eventKey: `ro2_${uid()}`, isInteract: "0", name: "n", stageId: first.stageId, attrList: [] }), 403, denied);
    expectEventsError(await reader.post("/openapi/event-type/update", { eventKey: key, name: "改名" }), 403, denied);
    expectEventsError(await reader.post("/openapi/event-type/delete", { eventKey: key }), 403, denied);
    expect(await typesMatching(writer, key)).toEqual([expect.objectContaining({ name: "只读可见" })]);
  });

  test("another tenant's key sees none of this tenant's types and cannot touch them", async ({ request, tenant, otherTenant }) => {
    const ours = await eventsClient(request, tenant.key);
    const [first] = await stages(ours);
    const key = `mine_${uid()}`;
    await addEventType(ours, { eventKey: key, isInteract: "0", name: "本租户", stageId: first.stageId, attrList: [] });

    const theirs = await eventsClient(request, otherTenant.key);
    // none of ours (the other tenant's own types, if a test added any, carry other keys)
    const theirList = expectEventsOk(await theirs.get<WireEventType[]>("/openapi/event-type/queryList"));
    expect(theirList.map((t) => t.eventKey)).not.toContain(key);
    expect(await typesMatching(theirs, key)).toEqual([]);
    const theirFlows = expectEventsOk(await theirs.get<FlowGroup[]>("/openapi/event-type/listCustomerEventToFlows"));
    expect(theirFlows.flatMap((g) => g.propertys.map((p) => p.property))).not.toContain(key);
    expectEventsError(await theirs.post("/openapi/event-type/update", { eventKey: key, name: "劫持" }), 404);
    expectEventsError(await theirs.post("/openapi/event-type/delete", { eventKey: key }), 404);

    // their stages are their own: our stageId is not theirs
    const theirStages = await stages(theirs);
    expect(theirStages.map((s) => s.stageId)).not.toContain(first.stageId);
    expectEventsError(
      await theirs.post("/openapi/event-type/add", { eventKey: key, isInteract: "0", name: "同名", stageId: first.stageId, attrList: [] }),
      400,
      /^stageId: no stage/,
    );
    // the same key is free in their tenant
    await addEventType(theirs, { eventKey: key, isInteract: "1", name: "同名", stageId: theirStages[0].stageId, attrList: [] });
    expect(await typesMatching(ours, key)).toEqual([expect.objectContaining({ name: "本租户", isInteract: "0" })]);
  });
});
