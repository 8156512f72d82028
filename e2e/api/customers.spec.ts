import { createHash } from "node:crypto";
import { expect, test } from "./api-test";
import { createCustomer, customersClient, expectCustomersError, uid, uniquePhone, type WireCustomer } from "./helpers";

// The customers dialect (seed 002): seven actions under /openapi/customers/, signed query string,
// the seed's envelope and error codes.

const OK = { success: true, code: 1000, message: "操作成功！" };
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

interface Feeds {
  feeds: Record<string, unknown>[];
  meta: { current_page: number; total_pages: number; total_count: number };
}

test.describe("customers: good paths", () => {
  test("create_customer answers the customer in the seed's shape and echoes callbackId", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const [p1, p2] = [uniquePhone(), uniquePhone()];
    const tag = uid();
    const res = await api.post<{ customer: WireCustomer } & Record<string, unknown>>(
      "create_customer",
      {
        customer: {
          id: 12345, // read-only: ignored
          custname: `测试用户 ${tag}`,
          custtype: "潜在客户", // the seed's own spelling of the key
          " cellphones": [[null, p1], [null, `${p2.slice(0, 3)}-${p2.slice(3)}`]],
          address: "上海市黄埔区皇后大道东29号",
          companyName: null,
          dealFlag: "未处理",
          custFrom: "百度",
          assignTime: "2017-05-03 14:44",
          customerLabel: `标签${tag},VIP${tag}`,
          email: `Buyer.${tag}@Example.COM`,
          crmId: `CRM-${tag}`,
          identities: [{ type: "wechat", value: `wx-${tag}` }],
        },
      },
      { callbackId: "222000" },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...OK, callbackId: 222000 });
    const c = res.body.customer;
    expect(c.id).not.toBe(12345);
    expect(c).toMatchObject({
      custname: `测试用户 ${tag}`,
      custType: "潜在客户",
      cellphones: [
        { id: expect.any(Number), content: p1 },
        { id: expect.any(Number), content: p2 },
      ],
      address: "上海市黄埔区皇后大道东29号",
      companyName: null,
      dealFlag: "未处理",
      custFrom: "百度",
      assignTime: "2017-05-03 14:44",
      customerLabel: [
        { id: expect.any(Number), name: `标签${tag}` },
        { id: expect.any(Number), name: `VIP${tag}` },
      ],
      jsonStr: null,
      followNum: 0,
      loginNo: null,
      upLoginNo: null,
      email: `buyer.${tag}@example.com`,
      crmId: `CRM-${tag}`,
      identities: [{ type: "wechat", value: `wx-${tag}` }],
      stage: null,
      score: 0,
    });
    expect(c.opTime).toMatch(TIME);
    expect(c.upTime).toMatch(TIME);
  });

  test("get_customer finds by id, cellphone, custName and companyName, answering result: [customer]", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const phone = uniquePhone();
    const tag = uid();
    const created = await createCustomer(api, { custname: `查找 ${tag}`, companyName: `公司 ${tag}`, cellphones: [[null, phone]] });
    for (const [type, content] of [
      ["id", String(created.id)],
      ["cellphone", phone],
      ["custName", `查找 ${tag}`],
      ["companyName", `公司 ${tag}`],
    ]) {
      const res = await api.get<{ result: WireCustomer[] }>("get_customer", { type, content, callbackId: "abc" });
      expect(res.status, `${type}=${content}`).toBe(200);
      // a callbackId that is not all digits comes back as the string sent
      expect(res.body).toMatchObject({ ...OK, callbackId: "abc" });
      expect(res.body.result).toEqual([created]);
    }
  });

  test("update_customer changes the fields sent, and feeds shows one Alternation per change", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const phone = uniquePhone();
    const created = await createCustomer(api, { custname: `更新 ${uid()}`, cellphones: [[null, phone]], address: "旧地址" });

    const res = await api.put<{ customer: WireCustomer }>("update_customer", { customer: { companyName: "测试公司名", custType: "签约客户" } }, { type: "cellphone", content: phone });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(OK);
    expect(res.body.customer).toMatchObject({ id: created.id, companyName: "测试公司名", custType: "签约客户", address: "旧地址", cellphones: created.cellphones });

    const feeds = await api.get<Feeds>("feeds", { feed_type: "Alternation", type: "id", content: created.id });
    expect(feeds.status).toBe(200);
    expect(feeds.body).toMatchObject({ ...OK, meta: { current_page: 1, total_pages: 1, total_count: 2 } });
    const author = { loginNo: null, loginName: "e2e" }; // the API key's name
    expect(feeds.body.feeds).toHaveLength(2);
    expect(feeds.body.feeds).toEqual(
      expect.arrayContaining([
        { feed_type: "Alternation", time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), author, summary: "公司名称: <空>---->测试公司名" },
        { feed_type: "Alternation", time: expect.any(String), author, summary: "客户类型: <空>---->签约客户" },
      ]),
    );

    // paging of feeds: page_size 1 over the two records
    const page2 = await api.get<Feeds>("feeds", { feed_type: "Alternation", type: "id", content: created.id, page: 2, page_size: 1 });
    expect(page2.body.meta).toEqual({ current_page: 2, total_pages: 2, total_count: 2 });
    expect(page2.body.feeds).toHaveLength(1);

    // the other kinds are empty for this customer, in the same shape
    for (const feed_type of ["Ticket", "CustomerFollowUp", "CallLog", "TextMsgLog"]) {
      const empty = await api.get<Feeds>("feeds", { feed_type, type: "id", content: created.id });
      expect(empty.body, feed_type).toEqual({ ...OK, feeds: [], meta: { current_page: 1, total_pages: 0, total_count: 0 } });
    }
  });

  test("list_customers pages 20 at a time, newest first, with meta; query and filters narrow it", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const tag = uid();
    const made: WireCustomer[] = [];
    for (let i = 0; i < 21; i++) {
      made.push(await createCustomer(api, { custname: `列表${tag}-${i}`, custType: i < 3 ? "签约客户" : "潜在客户" }));
    }
    const page1 = await api.get<{ meta: Feeds["meta"]; result: WireCustomer[] }>("list_customers", { query: `列表${tag}`, callbackId: 123456 });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ ...OK, callbackId: 123456, meta: { current_page: 1, total_pages: 2, total_count: 21 } });
    expect(page1.body.result.map((c) => c.custname)).toEqual(made.slice(1).reverse().map((c) => c.custname));

    const page2 = await api.get<{ meta: Feeds["meta"]; result: WireCustomer[] }>("list_customers", { query: `列表${tag}`, page: 2 });
    expect(page2.body.meta).toEqual({ current_page: 2, total_pages: 2, total_count: 21 });
    expect(page2.body.result.map((c) => c.id)).toEqual([made[0].id]);
    const page3 = await api.get<{ result: WireCustomer[] }>("list_customers", { query: `列表${tag}`, page: 3 });
    expect(page3.body.result).toEqual([]);

    // filters: task｜owner｜custType｜dealFlag｜custFrom, full-width bar, empty = any
    const signedOnes = await api.get<{ meta: Feeds["meta"]; result: WireCustomer[] }>("list_customers", { query: `列表${tag}`, filters: "｜全部客户｜签约客户｜｜" });
    expect(signedOnes.body.meta.total_count).toBe(3);
    expect(signedOnes.body.result.map((c) => c.custname)).toEqual([`列表${tag}-2`, `列表${tag}-1`, `列表${tag}-0`]);
    const bad = await api.get("list_customers", { filters: "||VIP" });
    expectCustomersError(bad, 400, { code: 2000, message: "未知错误" });
    expect(JSON.stringify(bad.body)).toContain("VIP");
  });

  test("filter_customers answers the tenant's option lists and staff login numbers", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const res = await api.get<{ result: Record<string, unknown> }>("filter_customers", { groupId: "1001", companyId: "1001", callbackId: "222000" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...OK, callbackId: 222000 });
    expect(res.body.result).toMatchObject({
      custFromList: [
        { name: "天猫", value: "0" },
        { name: "京东", value: "1" },
        { name: "百度", value: "2" },
        { name: "线下", value: "3" },
        { name: "代理商", value: "4" },
        { name: "老客户介绍", value: "5" },
      ],
      custTypeList: [
        { name: "潜在客户", value: "0" },
        { name: "签约客户", value: "1" },
        { name: "重复购买", value: "2" },
        { name: "流失客户", value: "3" },
      ],
      dealFlagList: [
        { name: "未处理", value: "0" },
        { name: "不需要", value: "2" },
        { name: "无法接通", value: "8" },
        { name: "继续跟踪", value: "10" },
        { name: "客户签约", value: "11" },
      ],
      loginNoList: ["9001"], // the tenant's admin, made by the fixture
      taskList: expect.any(Array),
    });
  });

  test("destroy_customer answers customer_id, hides the customer and frees its phone", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const phone = uniquePhone();
    const created = await createCustomer(api, { custname: `删除 ${uid()}`, cellphones: [[null, phone]] });

    const res = await api.delete("destroy_customer", { type: "cellphone", content: phone, callbackId: 9 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...OK, callbackId: 9, customer_id: created.id });

    const notFound = { code: 2005, message: "没有找到该资源", exception: "Couldn't find Customer" };
    expectCustomersError(await api.get("get_customer", { type: "id", content: created.id }), 404, notFound);
    expectCustomersError(await api.delete("destroy_customer", { type: "id", content: created.id }), 404, notFound);
    const again = await createCustomer(api, { custname: "新主人", cellphones: [[null, phone]] });
    expect(again.cellphones.map((p) => p.content)).toEqual([phone]);
  });
});

test.describe("customers: bad input", () => {
  test("malformed JSON, no customer and wrong types are 2000 with the seed's exceptions", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const format = { code: 2000, message: "未知错误", exception: "不正确的参数格式" };
    const malformed = await api.post("create_customer", '{"customer": {', { callbackId: 5 });
    expectCustomersError(malformed, 400, format);
    expect(malformed.body.callbackId).toBe(5);

    const missing = { code: 2000, message: "未知错误", exception: "param is missing or the value is empty: customer" };
    expectCustomersError(await api.post("create_customer", {}), 400, missing);
    expectCustomersError(await api.post("create_customer", { customer: {} }), 400, missing);

    const wrong = await api.post("create_customer", { customer: { custname: 5, taskId: "a" } });
    expectCustomersError(wrong, 400, format);
    expect(wrong.body.errors).toEqual([
      { path: "customer.custname", message: "must be a string" },
      { path: "customer.taskId", message: "must be an integer id" },
    ]);
    const badTime = await api.post("create_customer", { customer: { custname: "x", assignTime: "yesterday" } });
    expectCustomersError(badTime, 400, format);
    expect((badTime.body.errors as { path: string }[])[0].path).toBe("customer.assignTime");
  });

  test("a taken phone is a 409; an unknown custType and staff member are 2000", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const phone = uniquePhone();
    await createCustomer(api, { custname: "甲", cellphones: [[null, phone]] });
    expectCustomersError(await api.post("create_customer", { customer: { custname: "乙", cellphones: [[null, phone]] } }), 409, {
      code: 2000,
      message: "未知错误",
      exception: `验证失败: 电话${phone}已经使用`,
    });
    expectCustomersError(await api.post("create_customer", { customer: { custname: "乙", custType: "VIP" } }), 400, {
      code: 2000,
      message: "未知错误",
      exception: "'VIP' is not a valid custtype",
    });
    expectCustomersError(await api.post("create_customer", { customer: { custname: "乙", serviceNo: "nobody" } }), 400, {
      code: 2000,
      message: "未知错误",
      exception: "找不到归属工号",
    });
    // nothing was written by the refusals
    const list = await api.get<{ result: WireCustomer[] }>("get_customer", { type: "custName", content: "乙" });
    expect(list.status).toBe(404);
  });

  test("type + content: bad type 2060, no content 2000, unknown customer 2005 on every addressed action", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const badType = { code: 2060, message: "无效的唯一标识符类型", exception: "无效的唯一标识符类型" };
    const unknown = { code: 2005, message: "没有找到该资源", exception: "Couldn't find Customer" };
    expectCustomersError(await api.get("get_customer", { content: "1" }), 400, badType);
    expectCustomersError(await api.get("get_customer", { type: "email", content: "1" }), 400, badType);
    expectCustomersError(await api.get("get_customer", { type: "id" }), 400, { code: 2000, message: "未知错误", exception: "Couldn't find Customer" });
    expectCustomersError(await api.get("get_customer", { type: "id", content: 2_000_000_000 }), 404, unknown);
    expectCustomersError(await api.put("update_customer", { customer: { address: "x" } }, { type: "cellphone", content: "10000000000" }), 404, unknown);
    expectCustomersError(await api.put("update_customer", { customer: { address: "x" } }, { type: "bogus", content: "1" }), 400, badType);
    expectCustomersError(await api.delete("destroy_customer", { type: "custName", content: `nobody-${uid()}` }), 404, unknown);
    expectCustomersError(await api.get("feeds", { feed_type: "Alternation", type: "id", content: 2_000_000_000 }), 404, unknown);
  });

  test("page 0 is 206201 and page_size 101 is 206211, without an exception", async ({ request, tenant }) => {
    const api = customersClient(request, tenant.key);
    const created = await createCustomer(api, { custname: `分页 ${uid()}` });
    const page = { code: 206201, message: "参数page不合法" };
    const size = { code: 206211, message: "参数page_size不合法" };
    for (const res of [await api.get("list_customers", { page: 0 }), await api.get("feeds", { feed_type: "Ticket", type: "id", content: created.id, page: 0 })]) {
      expectCustomersError(res, 400, page);
      expect(res.body).not.toHaveProperty("exception");
    }
    expectCustomersError(await api.get("list_customers", { page: "abc" }), 400, page);
    const tooBig = await api.get("feeds", { feed_type: "Ticket", type: "id", content: created.id, page_size: 101 });
    expectCustomersError(tooBig, 400, size);
    expect(tooBig.body).not.toHaveProperty("exception");
    expectCustomersError(await api.get("feeds", { feed_type: "Ticket", type: "id", content: created.id, page_size: 0 }), 400, size);
    // page_size 100 is the maximum allowed
    expect((await api.get("feeds", { feed_type: "Ticket", type: "id", content: created.id, page_size: 100 })).status).toBe(200);
    expectCustomersError(await api.get("feeds", { feed_type: "Bogus", type: "id", content: created.id }), 400, { code: 2000, message: "未知错误", exception: "不正确的参数格式" });
  });

  test("a wrong sign, a timestamp 10 minutes old or no signature at all is a 401", async ({ request, tenant }) => {
    const check = async (query: string, message: string) => {
      const res = await request.get(`/openapi/customers/filter_customers?${query}&callbackId=1`);
      expect(res.status(), query).toBe(401);
      expect(await res.json()).toEqual({ success: false, code: 401, message, callbackId: 1 });
    };
    const { appKey, secret } = tenant.key;
    const now = Math.floor(Date.now() / 1000);
    const sign = (ts: number, s = secret) => createHash("sha256").update(appKey + ts + s).digest("hex");
    await check(`appid=${appKey}&timestamp=${now}&sign=${sign(now, "not-the-secret")}`, "invalid signature");
    await check(`appid=${appKey}&timestamp=${now}&sign=${sign(now - 1)}`, "invalid signature");
    await check(`appid=${appKey}&timestamp=${now - 600}&sign=${sign(now - 600)}`, "timestamp is outside the allowed window of 300 seconds");
    await check(`appid=${appKey}&timestamp=${now + 600}&sign=${sign(now + 600)}`, "timestamp is outside the allowed window of 300 seconds");
    await check(`appid=${appKey}&timestamp=${now}`, "appid, timestamp and sign are required");
    await check("", "appid, timestamp and sign are required");
    // the same sign in upper case is accepted (hex is hex)
    const upper = await request.get(`/openapi/customers/filter_customers?appid=${appKey}&timestamp=${now}&sign=${sign(now).toUpperCase()}`);
    expect(upper.status()).toBe(200);
  });

  test("a read-only key reads but cannot write (403); another tenant finds nothing of ours", async ({ request, tenant, otherTenant }) => {
    const api = customersClient(request, tenant.key);
    const phone = uniquePhone();
    const created = await createCustomer(api, { custname: `只读 ${uid()}`, cellphones: [[null, phone]] });

    const reader = customersClient(request, tenant.readOnlyKey);
    expect((await reader.get<{ result: WireCustomer[] }>("get_customer", { type: "id", content: created.id })).body.result).toEqual([created]);
    const denied = { success: false, code: 403, message: "this API key lacks the scope customers:write" };
    const create = await reader.post("create_customer", { customer: { custname: "不行" } });
    expect([create.status, create.body]).toEqual([403, denied]);
    const update = await reader.put("update_customer", { customer: { address: "x" } }, { type: "id", content: created.id });
    expect([update.status, update.body]).toEqual([403, denied]);
    const destroy = await reader.delete("destroy_customer", { type: "id", content: created.id });
    expect([destroy.status, destroy.body]).toEqual([403, denied]);

    const other = customersClient(request, otherTenant.key);
    const unknown = { code: 2005, message: "没有找到该资源", exception: "Couldn't find Customer" };
    expectCustomersError(await other.get("get_customer", { type: "id", content: created.id }), 404, unknown);
    expectCustomersError(await other.delete("destroy_customer", { type: "cellphone", content: phone }), 404, unknown);
    const list = await other.get<{ result: WireCustomer[] }>("list_customers", { query: phone });
    expect(list.body.result).toEqual([]);
    // the phone is unique per tenant, not across tenants
    expect((await createCustomer(other, { custname: "别家", cellphones: [[null, phone]] })).cellphones[0].content).toBe(phone);
  });
});
