import { describe, expect, it } from "vitest";
import { POST as tokenRoute } from "@/app/openapi/auth/token/route";
import { POST as addRoute } from "@/app/openapi/event-type/add/route";
import { POST as deleteRoute } from "@/app/openapi/event-type/delete/route";
import { GET as flowsRoute } from "@/app/openapi/event-type/listCustomerEventToFlows/route";
import { GET as queryListRoute } from "@/app/openapi/event-type/queryList/route";
import { POST as updateRoute } from "@/app/openapi/event-type/update/route";
import { GET as stagesRoute } from "@/app/openapi/stage/queryList/route";
import { GET as oauth2Route } from "@/app/openapi/v1/oauth2/token/route";
import { authenticateToken } from "@/lib/access/api-keys";
import { db } from "@/lib/db/client";
import { listStages } from "@/lib/stages/service";
import { makeApiKey, makeTenant } from "@/lib/test/factories";

type Route = (req: Request) => Promise<Response>;
type Key = { appKey: string; secret: string };

const BASE = "http://localhost";

async function exchange(key: Key): Promise<string> {
  const res = await tokenRoute(
    new Request(`${BASE}/openapi/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(key) }),
  );
  return (await res.json()).data.token;
}

/** Calls a route as an integrator would; `body` is JSON-encoded unless it is already a string. */
async function call(route: Route, opts: { token?: string | null; path?: string; body?: unknown; method?: string } = {}) {
  const headers = new Headers({ "content-type": "application/json" });
  if (opts.token) headers.set("token", opts.token);
  const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const res = await route(new Request(`${BASE}${opts.path ?? "/openapi/x"}`, { method, headers, body }));
  return { status: res.status, json: await res.json() };
}

/** A tenant with a full key, a read-only key, their tokens, and its stages. */
async function integrator() {
  const tenant = await makeTenant();
  const key = await makeApiKey(tenant.id, "all", { ratePerSecond: 1000, burst: 1000 });
  const readKey = await makeApiKey(tenant.id, "customers:read");
  const stages = await listStages(tenant.id);
  return { tenant, key, stages, token: await exchange(key), readToken: await exchange(readKey) };
}

const addBody = (stageId: number, over: Record<string, unknown> = {}) => ({
  eventKey: "order_paid",
  isInteract: "1",
  name: "订单支付",
  rating: 20,
  stageId,
  attrList: [
    { attrKey: "orderNo", attrName: "订单号", showInFlow: 1, type: "text" },
    { attrKey: "paidAt", attrName: "支付时间", showInFlow: 0, type: "DATETIME" },
  ],
  ...over,
});

describe("POST /openapi/auth/token", () => {
  it("answers {code:0, msg:'success', data:{token, expiresIn}} with a token the other routes accept", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id, "customers:read");
    const res = await call(tokenRoute, { body: key });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ code: 0, msg: "success", data: { token: expect.any(String), expiresIn: 7200 } });
    expect((await call(stagesRoute, { token: res.json.data.token })).status).toBe(200);
  });

  it("answers 401 for a wrong secret and 400 naming a missing field or for malformed JSON", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const wrong = await call(tokenRoute, { body: { appKey: key.appKey, secret: "nope" } });
    expect(wrong).toEqual({ status: 401, json: { code: -1, msg: "invalid API key or secret", data: null } });
    const missing = await call(tokenRoute, { body: { appKey: key.appKey } });
    expect(missing).toEqual({ status: 400, json: { code: -1, msg: "secret: is required", data: null } });
    expect((await call(tokenRoute, { body: "{appKey" })).json).toEqual({ code: -1, msg: "malformed JSON body", data: null });
  });
});

describe("GET /openapi/v1/oauth2/token (lists dialect)", () => {
  const url = (q: string) => `/openapi/v1/oauth2/token?${q}`;
  const get = async (q: string) => {
    const res = await oauth2Route(new Request(`${BASE}${url(q)}`));
    return { status: res.status, json: await res.json() };
  };

  it("answers DM Hub's bare {access_token, expires_in}", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const res = await get(`grant_type=client_credentials&appid=${key.appKey}&secret=${key.secret}`);
    expect(res).toEqual({ status: 200, json: { access_token: expect.any(String), expires_in: 7200 } });
    await expect(authenticateToken(res.json.access_token)).resolves.toMatchObject({ tenantId: tenant.id });
  });

  it("answers 400 in the lists envelope for another grant_type or a missing appid, 401 for a wrong secret", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const grant = await get(`grant_type=password&appid=${key.appKey}&secret=${key.secret}`);
    expect(grant.status).toBe(400);
    expect(grant.json.error).toMatchObject({ code: 400, message: "grant_type: must be client_credentials" });
    const noAppid = await get(`grant_type=client_credentials&secret=${key.secret}`);
    expect(noAppid).toMatchObject({ status: 400, json: { error: { code: 400, message: "appid: is required" } } });
    const wrong = await get(`grant_type=client_credentials&appid=${key.appKey}&secret=x`);
    expect(wrong).toEqual({ status: 401, json: { error: { code: 401, message: "invalid API key or secret" } } });
  });
});

describe("GET /openapi/stage/queryList", () => {
  it("lists the tenant's stages as [{stageId, stageName, sort}] in order", async () => {
    const { token, stages } = await integrator();
    const res = await call(stagesRoute, { token });
    expect(res.status).toBe(200);
    expect(res.json.code).toBe(0);
    expect(res.json.data).toEqual(stages.map((s) => ({ stageId: s.id, stageName: s.name, sort: s.sort })));
    expect(res.json.data.map((s: { stageName: string }) => s.stageName)).toEqual(["新客户", "意向客户", "成交客户", "复购客户", "流失客户"]);
  });
});

describe("POST /openapi/event-type/add", () => {
  it("answers data:null, and queryList then shows the type exactly in the seed's shape", async () => {
    const { token, stages } = await integrator();
    const add = await call(addRoute, { token, body: addBody(stages[2].id) });
    expect(add).toEqual({ status: 200, json: { code: 0, msg: "success", data: null } });
    const list = await call(queryListRoute, { token });
    expect(list.json).toEqual({
      code: 0,
      msg: "success",
      data: [
        {
          eventKey: "order_paid",
          isInteract: "1",
          name: "订单支付",
          rating: 20,
          stageId: stages[2].id,
          stageName: "成交客户",
          categoryCode: null,
          attrList: [
            { attrKey: "orderNo", attrName: "订单号", showInFlow: 1, type: "text" },
            { attrKey: "paidAt", attrName: "支付时间", showInFlow: 0, type: "DateTime" },
          ],
        },
      ],
    });
  });

  it("accepts the fields wrapped in data as the seed's table shows, and isInteract as 0/1 numbers", async () => {
    const { token, stages } = await integrator();
    const wrapped = { code: 0, msg: "", data: addBody(stages[0].id, { eventKey: "page_view", isInteract: 0, attrList: [] }) };
    expect((await call(addRoute, { token, body: wrapped })).json).toEqual({ code: 0, msg: "success", data: null });
    const list = await call(queryListRoute, { token });
    expect(list.json.data).toEqual([expect.objectContaining({ eventKey: "page_view", isInteract: "0", stageName: "新客户", attrList: [] })]);
  });

  it("answers 400 naming the field for missing and wrong-typed fields, never a 500", async () => {
    const { token, stages } = await integrator();
    const cases: [unknown, string][] = [
      ["{\"eventKey\": ", "malformed JSON body"],
      [[1, 2], "the body must be a JSON object"],
      [{ ...addBody(stages[0].id), stageId: undefined }, "stageId: is required"],
      [{ ...addBody(stages[0].id), stageId: "3" }, "stageId: must be a stage id"],
      [{ ...addBody(stages[0].id), name: undefined }, "name: is required"],
      [{ ...addBody(stages[0].id), rating: "5" }, "rating: must be an integer"],
      [{ ...addBody(stages[0].id), rating: 2.5 }, "rating: must be an integer"],
      [{ ...addBody(stages[0].id), isInteract: "yes" }, 'isInteract: must be "0" (interactive) or "1" (not interactive)'],
      [{ ...addBody(stages[0].id), isInteract: true }, "isInteract: must be"],
      [{ ...addBody(stages[0].id), eventKey: "has space" }, "eventKey: must start with a letter"],
      [{ ...addBody(stages[0].id), eventKey: null }, "eventKey: must be a string"],
      [{ ...addBody(stages[0].id), attrList: "none" }, "attrList: must be a list of attributes"],
      [{ ...addBody(stages[0].id), attrList: [null] }, "attrList.0:"],
      [{ ...addBody(stages[0].id), attrList: [{ attrKey: "a", attrName: "A", showInFlow: 2, type: "text" }] }, "attrList.0.showInFlow: must be 0 (hide) or 1 (show)"],
      [{ ...addBody(stages[0].id), attrList: [{ attrKey: "a", attrName: "A", showInFlow: 1, type: "number" }] }, "attrList.0.type: must be one of text, value, Date, DateTime"],
      [
        {
          ...addBody(stages[0].id),
          attrList: [
            { attrKey: "a", attrName: "A", showInFlow: 1, type: "text" },
            { attrKey: "a", attrName: "B", showInFlow: 1, type: "text" },
          ],
        },
        'attrList.1.attrKey: "a" is used twice',
      ],
      [{ ...addBody(stages[0].id), categoryCode: "nope" }, 'categoryCode: no event category with code "nope"'],
      [{ data: "x" }, "eventKey: is required"],
    ];
    for (const [body, msg] of cases) {
      const res = await call(addRoute, { token, body });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.json).toEqual({ code: -1, msg: expect.stringContaining(msg), data: null });
    }
    expect((await call(queryListRoute, { token })).json.data).toEqual([]);
  });

  it("answers 400 naming stageId for a stage of another tenant or none", async () => {
    const { token } = await integrator();
    const other = await makeTenant();
    const [foreign] = await listStages(other.id);
    for (const stageId of [foreign.id, 987654]) {
      const res = await call(addRoute, { token, body: addBody(stageId) });
      expect(res.status).toBe(400);
      expect(res.json.msg).toBe(`stageId: no stage ${stageId} in this tenant (GET /openapi/stage/queryList lists them)`);
    }
  });

  it("answers 409 for a duplicate eventKey, also after the first was deleted", async () => {
    const { token, stages } = await integrator();
    expect((await call(addRoute, { token, body: addBody(stages[0].id) })).status).toBe(200);
    const dup = await call(addRoute, { token, body: addBody(stages[1].id, { name: "又一个" }) });
    expect(dup).toEqual({ status: 409, json: { code: -1, msg: 'eventKey "order_paid" already exists', data: null } });
    await call(deleteRoute, { token, body: { eventKey: "order_paid" } });
    const again = await call(addRoute, { token, body: addBody(stages[0].id) });
    expect(again.status).toBe(409);
    expect(again.json.msg).toContain("archived");
  });

  it("lets one of three concurrent adds of the same eventKey win; the others get 409, not a 500", async () => {
    const { token, stages } = await integrator();
    const results = await Promise.all([1, 2, 3].map(() => call(addRoute, { token, body: addBody(stages[0].id) })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await call(queryListRoute, { token })).json.data).toHaveLength(1);
  });

  it("answers 413 for a body over 1 MiB, 401 without or with a bad token, 403 for a read-only key; writes nothing", async () => {
    const { token, readToken, stages, tenant } = await integrator();
    const big = await call(addRoute, { token, body: addBody(stages[0].id, { name: "x".repeat(1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ code: -1, data: null });
    const none = await call(addRoute, { token: null, body: addBody(stages[0].id) });
    expect(none).toEqual({ status: 401, json: { code: -1, msg: "access token missing", data: null } });
    const bad = await call(addRoute, { token: "forged", body: addBody(stages[0].id) });
    expect(bad).toEqual({ status: 401, json: { code: -1, msg: "access token is invalid or expired", data: null } });
    const readOnly = await call(addRoute, { token: readToken, body: addBody(stages[0].id) });
    expect(readOnly).toEqual({ status: 403, json: { code: -1, msg: "this API key lacks the scope customers:write", data: null } });
    expect(await db.eventType.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("records the API key as the actor in the audit log", async () => {
    const { token, stages, tenant, key } = await integrator();
    await call(addRoute, { token, body: addBody(stages[0].id) });
    const keyRow = await db.apiKey.findUniqueOrThrow({ where: { appKey: key.appKey } });
    const log = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: "event_type.create" } });
    expect(log).toMatchObject({ actorType: "apikey", actorId: keyRow.id, actorName: keyRow.name });
  });
});

describe("POST /openapi/event-type/update and /delete", () => {
  it("changes the fields given, replaces attrList when given, and keeps the rest", async () => {
    const { token, stages } = await integrator();
    await call(addRoute, { token, body: addBody(stages[0].id) });
    const upd = await call(updateRoute, {
      token,
      body: { eventKey: "order_paid", name: "订单已支付", isInteract: "0", stageId: stages[1].id, categoryCode: "trade", attrList: [{ attrKey: "amount", attrName: "金额", showInFlow: 1, type: "Value" }] },
    });
    expect(upd).toEqual({ status: 200, json: { code: 0, msg: "success", data: null } });
    const [item] = (await call(queryListRoute, { token })).json.data;
    expect(item).toEqual({
      eventKey: "order_paid",
      isInteract: "0",
      name: "订单已支付",
      rating: 20,
      stageId: stages[1].id,
      stageName: "意向客户",
      categoryCode: "trade",
      attrList: [{ attrKey: "amount", attrName: "金额", showInFlow: 1, type: "value" }],
    });
    await call(updateRoute, { token, body: { data: { eventKey: "order_paid", rating: null } } });
    const [after] = (await call(queryListRoute, { token })).json.data;
    expect(after).toMatchObject({ rating: null, name: "订单已支付", attrList: [{ attrKey: "amount" }] });
  });

  it("answers 404 for an unknown eventKey, 400 without one, 400 for an unknown stage", async () => {
    const { token, stages } = await integrator();
    await call(addRoute, { token, body: addBody(stages[0].id) });
    expect(await call(updateRoute, { token, body: { eventKey: "ghost", name: "x" } })).toEqual({
      status: 404,
      json: { code: -1, msg: 'no event type with eventKey "ghost"', data: null },
    });
    expect(await call(deleteRoute, { token, body: { eventKey: "ghost" } })).toMatchObject({ status: 404 });
    expect(await call(updateRoute, { token, body: { name: "x" } })).toEqual({ status: 400, json: { code: -1, msg: "eventKey: is required", data: null } });
    expect((await call(updateRoute, { token, body: { eventKey: "order_paid", stageId: 999999 } })).status).toBe(400);
    expect(await call(deleteRoute, { token, body: "" })).toEqual({ status: 400, json: { code: -1, msg: "eventKey: is required", data: null } });
  });

  it("delete archives: the type leaves queryList and flows, a second delete still succeeds, update is refused", async () => {
    const { token, stages } = await integrator();
    await call(addRoute, { token, body: addBody(stages[0].id) });
    await call(addRoute, { token, body: addBody(stages[0].id, { eventKey: "page_view", name: "浏览页面" }) });
    expect(await call(deleteRoute, { token, body: { eventKey: "order_paid" } })).toEqual({ status: 200, json: { code: 0, msg: "success", data: null } });
    expect((await call(queryListRoute, { token })).json.data.map((t: { eventKey: string }) => t.eventKey)).toEqual(["page_view"]);
    const flows = (await call(flowsRoute, { token })).json.data;
    expect(flows.flatMap((g: { propertys: { property: string }[] }) => g.propertys.map((p) => p.property))).toEqual(["page_view"]);
    expect((await call(deleteRoute, { token, body: { data: { eventKey: "order_paid" } } })).status).toBe(200);
    const upd = await call(updateRoute, { token, body: { eventKey: "order_paid", name: "x" } });
    expect(upd.status).toBe(409);
    expect(upd.json.msg).toContain("archived");
  });
});

describe("GET /openapi/event-type/queryList and listCustomerEventToFlows", () => {
  it("searchKey matches name or eventKey; a read-only key may read", async () => {
    const { token, readToken, stages } = await integrator();
    await call(addRoute, { token, body: addBody(stages[0].id) });
    await call(addRoute, { token, body: addBody(stages[0].id, { eventKey: "page_view", name: "浏览页面" }) });
    const keys = async (q: string) =>
      (await call(queryListRoute, { token: readToken, path: `/openapi/event-type/queryList${q}` })).json.data.map((t: { eventKey: string }) => t.eventKey);
    expect(await keys("")).toEqual(["order_paid", "page_view"]);
    expect(await keys("?searchKey=")).toEqual(["order_paid", "page_view"]);
    expect(await keys("?searchKey=%E6%B5%8F%E8%A7%88")).toEqual(["page_view"]); // 浏览
    expect(await keys("?searchKey=ORDER")).toEqual(["order_paid"]);
  });

  it("groups types by category with only showInFlow attributes: [{category, name, propertys:[{name, property, props}]}]", async () => {
    const { token, stages } = await integrator();
    await call(addRoute, { token, body: addBody(stages[2].id, { categoryCode: "trade" }) });
    await call(addRoute, {
      token,
      body: addBody(stages[0].id, {
        eventKey: "form_submit",
        name: "提交表单",
        categoryCode: "interact",
        attrList: [{ attrKey: "form", attrName: "表单名称", showInFlow: 1, type: "text" }],
      }),
    });
    await call(addRoute, { token, body: addBody(stages[3].id, { eventKey: "renewed", name: "会员续费", attrList: [{ attrKey: "expiresOn", attrName: "到期日", showInFlow: 1, type: "date" }] }) });
    const res = await call(flowsRoute, { token });
    expect(res).toEqual({
      status: 200,
      json: {
        code: 0,
        msg: "success",
        data: [
          {
            category: "trade",
            name: "交易行为",
            propertys: [{ name: "订单支付", property: "order_paid", props: [{ attrKey: "orderNo", attrName: "订单号", type: "text" }] }],
          },
          {
            category: "interact",
            name: "互动行为",
            propertys: [{ name: "提交表单", property: "form_submit", props: [{ attrKey: "form", attrName: "表单名称", type: "text" }] }],
          },
          {
            category: null,
            name: "未分组",
            propertys: [{ name: "会员续费", property: "renewed", props: [{ attrKey: "expiresOn", attrName: "到期日", type: "Date" }] }],
          },
        ],
      },
    });
  });

  it("a key of another tenant sees nothing and cannot touch the types", async () => {
    const a = await integrator();
    const b = await integrator();
    await call(addRoute, { token: a.token, body: addBody(a.stages[0].id, { categoryCode: "trade" }) });
    expect((await call(queryListRoute, { token: b.token })).json.data).toEqual([]);
    expect((await call(flowsRoute, { token: b.token })).json.data).toEqual([]);
    expect((await call(updateRoute, { token: b.token, body: { eventKey: "order_paid", name: "hijack" } })).status).toBe(404);
    expect((await call(deleteRoute, { token: b.token, body: { eventKey: "order_paid" } })).status).toBe(404);
    expect((await call(addRoute, { token: b.token, body: addBody(a.stages[0].id) })).status).toBe(400);
    expect((await call(queryListRoute, { token: a.token })).json.data).toEqual([expect.objectContaining({ name: "订单支付" })]);
  });
});
