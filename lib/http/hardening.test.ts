import { describe, expect, it } from "vitest";
import { POST as tokenRoute, GET as tokenGet } from "@/app/openapi/auth/token/route";
import { POST as createCustomerRoute, DELETE as createCustomerDelete } from "@/app/openapi/customers/create_customer/route";
import { GET as listRoute } from "@/app/openapi/customers/list_customers/route";
import { GET as getCustomerRoute } from "@/app/openapi/customers/get_customer/route";
import { POST as addTypeRoute } from "@/app/openapi/event-type/add/route";
import { GET as unknownGet } from "@/app/openapi/[...rest]/route";
import { GET as oauth2Route } from "@/app/openapi/v1/oauth2/token/route";
import { sha256Hex } from "@/lib/access/secret";
import { call, type Key } from "@/lib/openapi/customers/test-client";
import { listStages } from "@/lib/stages/service";
import { makeApiKey, makeTenant } from "@/lib/test/factories";
import { FAILURES_PER_ADDRESS, FAILURES_PER_APP_KEY } from "./throttle";

const BASE = "http://localhost";
let address = 0;
/** each test comes from its own client address, so the address throttle of one does not touch another */
const from = () => `10.0.0.${++address}`;

function tokenRequest(body: string, ip: string) {
  return new Request(`${BASE}/openapi/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `${ip}, 172.16.0.1` },
    body,
  });
}

async function eventsToken(key: Key) {
  const res = await tokenRoute(tokenRequest(JSON.stringify(key), from()));
  return (await res.json()).data.token as string;
}

describe("strings a database cannot store alike (lone surrogates, NUL)", () => {
  it("auth/token answers 400 in the events envelope naming the field, not a 500", async () => {
    for (const secret of ['"\\ud800"', '"a\\u0000b"']) {
      const res = await tokenRoute(tokenRequest(`{"appKey":"k","secret":${secret}}`, from()));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body).toMatchObject({ code: -1, data: null });
      expect(body.msg).toMatch(/^secret: must not contain a NUL/);
    }
  });

  it("event-type/add refuses them in nested fields and in keys", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const token = await eventsToken(key);
    const [stage] = await listStages(tenant.id);
    const send = (body: string) =>
      addTypeRoute(new Request(`${BASE}/openapi/event-type/add`, { method: "POST", headers: { "content-type": "application/json", token }, body }));
    const nested = await send(`{"eventKey":"k1","name":"n","isInteract":"1","stageId":${stage.id},"attrList":[{"attrKey":"a","attrName":"\\udc00x","type":"text"}]}`);
    expect(nested.status).toBe(400);
    expect((await nested.json()).msg).toMatch(/^attrList\.0\.attrName: /);
    const inKey = await send(`{"eventKey":"k1","name":"n","isInteract":"1","stageId":${stage.id},"x\\u0000":1}`);
    expect(inKey.status).toBe(400);
    // a well-formed pair (an emoji) is fine
    const ok = await send(`{"eventKey":"k2","name":"\\ud83d\\ude00","isInteract":"1","stageId":${stage.id},"attrList":[{"attrKey":"a","attrName":"a","showInFlow":1,"type":"text"}]}`);
    expect(ok.status, await ok.clone().text()).toBe(200);
  });

  it("customers: create_customer body and query strings answer 2000 with the field in errors", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const body = await call(createCustomerRoute, key, "create_customer", { body: '{"customer":{"custname":"\\ud800"}}' });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({ success: false, code: 2000, message: "未知错误", exception: "不正确的参数格式" });
    expect(body.body.errors[0].path).toBe("customer.custname");

    const query = await call(getCustomerRoute, key, "get_customer", { query: { type: "custName", content: "a\u0000b" } });
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ success: false, code: 2000 });
    expect(query.body.errors[0].path).toBe("content");
  });
});

describe("list_customers query matches % and _ literally", () => {
  it("'%' finds only names holding a %, '_' only names holding a _", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id, "all", { ratePerSecond: 1000, burst: 1000 });
    for (const custname of ["张三", "李四", "100% 满意", "a_b 公司", "axb 公司"]) {
      const res = await call(createCustomerRoute, key, "create_customer", { body: { customer: { custname } } });
      expect(res.status).toBe(200);
    }
    const names = async (query: string) =>
      ((await call(listRoute, key, "list_customers", { query: { query } })).body.result as { custname: string }[]).map((c) => c.custname).sort();
    expect(await names("%")).toEqual(["100% 满意"]);
    expect(await names("a_b")).toEqual(["a_b 公司"]);
    expect(await names("_")).toEqual(["a_b 公司"]);
    expect(await names("公司")).toEqual(["a_b 公司", "axb 公司"]);
  });
});

describe("answers outside a route's methods and paths keep the envelope", () => {
  it("a wrong method is a 405 with Allow, in the dialect's envelope", async () => {
    const events = await tokenGet(new Request(`${BASE}/openapi/auth/token`));
    expect(events.status).toBe(405);
    expect(events.headers.get("allow")).toBe("POST");
    expect(await events.json()).toMatchObject({ code: -1, data: null });

    const customers = await createCustomerDelete(new Request(`${BASE}/openapi/customers/create_customer`, { method: "DELETE" }));
    expect(customers.status).toBe(405);
    expect(customers.headers.get("allow")).toBe("POST");
    expect(await customers.json()).toMatchObject({ success: false, code: 405 });
  });

  it("an unknown path is a 404 in the envelope its prefix names", async () => {
    const events = await unknownGet(new Request(`${BASE}/openapi/event-type/nope`));
    expect(events.status).toBe(404);
    expect(await events.json()).toMatchObject({ code: -1, data: null });
    const customers = await unknownGet(new Request(`${BASE}/openapi/customers/nope`));
    expect(customers.status).toBe(404);
    expect(await customers.json()).toMatchObject({ success: false, code: 2005, message: "没有找到该资源" });
    const lists = await unknownGet(new Request(`${BASE}/openapi/v1/nope`));
    expect(await lists.json()).toMatchObject({ error: { code: 404 } });
    const scenarios = await unknownGet(new Request(`${BASE}/openapi/scenariocustomevents/nope`));
    expect(scenarios.headers.get("content-type")).toMatch(/problem\+json/);
    const groups = await unknownGet(new Request(`${BASE}/openapi/customer_groups/x/y/z`));
    expect(await groups.json()).toMatchObject({ status: 404 });
  });
});

describe("failed credential attempts are throttled", () => {
  it("70 wrong secrets for one appKey: 401 until the appKey's failures are used up, then 429 with Retry-After, even for the right secret", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 70; i++) {
      // a new address each time: only the appKey's count applies
      last = await tokenRoute(tokenRequest(JSON.stringify({ appKey: key.appKey, secret: `wrong-${i}` }), from()));
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(FAILURES_PER_APP_KEY);
    expect(statuses.slice(FAILURES_PER_APP_KEY).every((s) => s === 429)).toBe(true);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ code: -1, data: null });
    const right = await tokenRoute(tokenRequest(JSON.stringify(key), from()));
    expect(right.status).toBe(429);
  });

  it("successful attempts are not counted", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const ip = from();
    for (let i = 0; i < FAILURES_PER_APP_KEY * 2; i++) {
      expect((await tokenRoute(tokenRequest(JSON.stringify(key), ip))).status).toBe(200);
    }
  });

  it("one client address guessing many appKeys is throttled too (lists oauth2 token)", async () => {
    const ip = from();
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES_PER_ADDRESS + 5; i++) {
      const url = `${BASE}/openapi/v1/oauth2/token?grant_type=client_credentials&appid=guess-${i}&secret=x`;
      statuses.push((await oauth2Route(new Request(url, { headers: { "x-forwarded-for": ip } }))).status);
    }
    expect(statuses.slice(0, FAILURES_PER_ADDRESS).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(FAILURES_PER_ADDRESS).every((s) => s === 429)).toBe(true);
  });

  it("clients whose address is unknown (no x-forwarded-for) are throttled per appKey only: guessers cannot lock others out", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    for (let i = 0; i < FAILURES_PER_ADDRESS + 5; i++) {
      const url = `${BASE}/openapi/v1/oauth2/token?grant_type=client_credentials&appid=stranger-${i}&secret=x`;
      expect((await oauth2Route(new Request(url))).status).toBe(401);
    }
    const url = `${BASE}/openapi/v1/oauth2/token?grant_type=client_credentials&appid=${key.appKey}&secret=${key.secret}`;
    expect((await oauth2Route(new Request(url))).status).toBe(200);
  });

  it("the customers signature scheme is throttled per appid, answering code 429", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < FAILURES_PER_APP_KEY + 3; i++) {
      const ts = String(Math.floor(Date.now() / 1000));
      const url = `${BASE}/openapi/customers/list_customers?appid=${key.appKey}&timestamp=${ts}&sign=${sha256Hex(key.appKey + ts + "wrong")}`;
      last = await listRoute(new Request(url, { headers: { "x-forwarded-for": from() } }));
      statuses.push(last.status);
    }
    expect(statuses.slice(FAILURES_PER_APP_KEY)).toEqual([429, 429, 429]);
    expect(await last!.json()).toMatchObject({ success: false, code: 429, message: "api接口超过请求限制" });
    expect(last!.headers.get("retry-after")).toBeTruthy();
  });
});
