import { describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/openapi/customers/create_customer/route";
import { GET as feedsRoute } from "@/app/openapi/customers/feeds/route";
import { GET as listRoute } from "@/app/openapi/customers/list_customers/route";
import { PUT as updateRoute } from "@/app/openapi/customers/update_customer/route";
import { authorOfUser } from "@/lib/customers/author";
import { db } from "@/lib/db/client";
import { addFeedItem } from "@/lib/feeds/service";
import { makeApiKey, makeTenant } from "@/lib/test/factories";
import { createUser } from "@/lib/users/service";
import { call, type Key } from "./test-client";

async function setup() {
  const tenant = await makeTenant();
  const key = await makeApiKey(tenant.id, "customers:read,customers:write");
  const dept = await db.department.create({ data: { tenantId: tenant.id, name: "华东销售部" } });
  const staff = await createUser(tenant.id, {
    email: `a-${tenant.slug}@example.test`,
    name: "王小明",
    password: "password-123",
    loginNo: "trcs001",
    departmentId: dept.id,
  });
  const task = await db.task.create({ data: { tenantId: tenant.id, name: "默认任务" } });
  return { tenant, key, dept, staff, task };
}

const create = async (key: Key, customer: Record<string, unknown>) => {
  const res = await call(createRoute, key, "create_customer", { body: { customer } });
  expect(res.status).toBe(200);
  return res.body.customer;
};
const list = (key: Key, query: Record<string, string | number> = {}) => call(listRoute, key, "list_customers", { query });

describe("list_customers", () => {
  it("pages by 20, newest first, with the seed's meta", async () => {
    const { key, tenant } = await setup();
    await db.customer.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ tenantId: tenant.id, name: `客户${i + 1}` })) });
    const first = await list(key, { callbackId: 123456 });
    expect(first.body).toMatchObject({ success: true, code: 1000, callbackId: 123456, meta: { current_page: 1, total_pages: 2, total_count: 25 } });
    expect(first.body.result).toHaveLength(20);
    expect(first.body.result[0].custname).toBe("客户25");
    const second = await list(key, { page: 2 });
    expect(second.body.result.map((c: { custname: string }) => c.custname)).toEqual(["客户5", "客户4", "客户3", "客户2", "客户1"]);
    expect((await list(key, { page: 3 })).body).toMatchObject({ result: [], meta: { current_page: 3, total_count: 25 } });
  });

  it("answers 206201 for page 0, a non-number, and pages past the 10,000th customer", async () => {
    const { key } = await setup();
    for (const page of [0, -1, "abc", 501]) {
      const res = await list(key, { page });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, code: 206201, message: "参数page不合法" });
      expect(res.body.exception).toBeUndefined();
    }
  });

  it("filters by task｜owner｜custType｜dealFlag｜custFrom and searches name or phone", async () => {
    const { key, dept, task } = await setup();
    const mine = await create(key, {
      custname: "张三",
      cellphones: [[null, "13812345678"]],
      taskId: task.id,
      serviceNo: "trcs001",
      servicegroupId: dept.id,
      custType: "签约客户",
      dealFlag: "继续跟踪",
      custFrom: "百度",
    });
    const other = await create(key, { custname: "李四", custType: "潜在客户", cellphones: [[null, "13900000000"]] });
    const ids = async (query: Record<string, string>) => {
      const res = await list(key, query);
      expect(res.status).toBe(200);
      return res.body.result.map((c: { id: number }) => c.id);
    };
    expect(await ids({ filters: "默认任务｜我的客户｜签约客户｜继续跟踪｜百度", operator: "trcs001" })).toEqual([mine.id]);
    expect(await ids({ filters: "|我的客户|||", operator: "someone-else" })).toEqual([]);
    expect(await ids({ filters: "｜｜潜在客户｜｜" })).toEqual([other.id]);
    expect(await ids({ filters: "｜｜0｜｜" })).toEqual([other.id]); // an option's value works too
    expect(await ids({ filters: "｜未分配客户｜｜｜" })).toEqual([other.id]);
    expect(await ids({ filters: "" })).toEqual([other.id, mine.id]);
    expect(await ids({ query: "345" })).toEqual([mine.id]);
    expect(await ids({ query: "李" })).toEqual([other.id]);

    const badOption = await list(key, { filters: "｜｜企业客户｜｜" });
    expect(badOption.body).toMatchObject({ code: 2000, exception: "'企业客户' is not a valid custtype" });
    const mineWithoutOperator = await list(key, { filters: "｜我的客户｜｜｜" });
    expect(mineWithoutOperator.status).toBe(400);
  });

  it("stops at 10,000 customers: total_count says 10000 and page 500 is the last", async () => {
    const { key, tenant } = await setup();
    const rows = Array.from({ length: 10_030 }, (_, i) => ({ tenantId: tenant.id, name: `c${i}` }));
    for (let i = 0; i < rows.length; i += 2000) await db.customer.createMany({ data: rows.slice(i, i + 2000) });
    const first = await list(key);
    expect(first.body.meta).toEqual({ current_page: 1, total_pages: 500, total_count: 10_000 });
    const last = await list(key, { page: 500 });
    expect(last.body.result).toHaveLength(20);
    expect(last.body.result.at(-1).custname).toBe("c30");
    expect((await list(key, { page: 501 })).body.code).toBe(206201);
  }, 60_000);
});

describe("feeds", () => {
  it("lists each feed type with the seed's fields, newest first, paged", async () => {
    const { key, staff, tenant } = await setup();
    const c = await create(key, { custname: "测试用户", cellphones: [[null, "13800000001"]] });
    const author = authorOfUser({ id: staff.id, name: "王小明", loginNo: "trcs001" });
    const dealFlag = await db.optionItem.findFirstOrThrow({ where: { tenantId: tenant.id, list: "dealFlag", name: "继续跟踪" } });
    for (let i = 1; i <= 3; i++) {
      await addFeedItem(tenant.id, author, c.id, {
        kind: "ticket",
        title: `工单${i}`,
        content: `<p onclick="steal()">第${i}个<script>alert(1)</script><img src="x.png" onerror="alert(2)"></p>`,
        urgency: "紧急",
      });
    }
    await addFeedItem(tenant.id, author, c.id, { kind: "followUp", content: "客户有意向", dealFlagId: dealFlag.id });
    await addFeedItem(tenant.id, author, c.id, { kind: "callLog", callType: "outbound", result: "接通", durationSec: 65 });
    await addFeedItem(tenant.id, author, c.id, { kind: "sms", content: "您好", phone: "13800000001", direction: "outbound", status: "sent" });
    await call(updateRoute, key, "update_customer", {
      method: "PUT",
      query: { type: "id", content: c.id },
      body: { customer: { companyName: "测试公司名" } },
    });

    const feeds = (feed_type: string, extra: Record<string, string | number> = {}) =>
      call(feedsRoute, key, "feeds", { query: { feed_type, type: "id", content: c.id, ...extra } });

    const tickets = await feeds("Ticket", { page_size: 2 });
    expect(tickets.status).toBe(200);
    expect(tickets.body.meta).toEqual({ current_page: 1, total_pages: 2, total_count: 3 });
    expect(tickets.body.feeds.map((f: { title: string }) => f.title)).toEqual(["工单3", "工单2"]);
    const t = tickets.body.feeds[0];
    expect(Object.keys(t).sort()).toEqual(["content", "custId", "feed_type", "id", "opTime", "status_zh_name", "title", "upLoginNo", "urgency"]);
    expect(t).toMatchObject({ feed_type: "Ticket", custId: c.id, upLoginNo: "trcs001", status_zh_name: "正常工单", urgency: "紧急" });
    expect(t.content).not.toMatch(/script|onerror|onclick|alert/);
    expect(t.content).toContain("第3个");
    expect(t.opTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await feeds("Ticket", { page: 2, page_size: 2 })).body.feeds.map((f: { title: string }) => f.title)).toEqual(["工单1"]);

    const follow = (await feeds("CustomerFollowUp")).body.feeds[0];
    expect(follow).toEqual({
      feed_type: "CustomerFollowUp",
      id: expect.any(Number),
      loginNo: "trcs001_王小明",
      FollowUpContent: "客户有意向",
      dealFlag: "继续跟踪",
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    const callLog = (await feeds("CallLog")).body.feeds[0];
    expect(callLog).toMatchObject({ feed_type: "CallLog", callType: "呼出", followUpContent: "接通", callDuration: 65 });
    const sms = (await feeds("TextMsgLog")).body.feeds[0];
    expect(sms).toMatchObject({ feed_type: "TextMsgLog", content: "您好", phone: "13800000001" });

    // the follow-up's deal flag became the customer's (an alternation by the user); the API update another (by the key)
    const alternations = (await feeds("Alternation")).body.feeds;
    expect(alternations).toEqual([
      { feed_type: "Alternation", time: expect.any(String), author: { loginNo: null, loginName: expect.stringMatching(/^key-/) }, summary: "公司名称: <空>---->测试公司名" },
      { feed_type: "Alternation", time: expect.any(String), author: { loginNo: "trcs001", loginName: "王小明" }, summary: "客户状态: <空>---->继续跟踪" },
    ]);
    const profile = await db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(profile.followNum).toBe(1);
  });

  it("answers 206211 for page_size 0 or 101, 206201 for page 0, 2000 for an unknown feed_type", async () => {
    const { key } = await setup();
    const c = await create(key, { custname: "x" });
    const feeds = (query: Record<string, string | number>) => call(feedsRoute, key, "feeds", { query: { type: "id", content: c.id, ...query } });
    for (const page_size of [0, 101, "ten"]) {
      const res = await feeds({ feed_type: "Ticket", page_size });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 206211, message: "参数page_size不合法" });
    }
    expect((await feeds({ feed_type: "Ticket", page_size: 100 })).status).toBe(200);
    expect((await feeds({ feed_type: "Ticket", page: 0 })).body.code).toBe(206201);
    const unknownType = await feeds({ feed_type: "Email" });
    expect(unknownType.body).toMatchObject({ code: 2000, exception: "不正确的参数格式" });
    expect((await feeds({})).body.code).toBe(2000);
    const unknownCustomer = await call(feedsRoute, key, "feeds", { query: { feed_type: "Ticket", type: "id", content: 987654 } });
    expect(unknownCustomer.status).toBe(404);
    expect(unknownCustomer.body.code).toBe(2005);
    expect((await call(feedsRoute, key, "feeds", { query: { feed_type: "Ticket", content: c.id } })).body.code).toBe(2060);
  });

  it("does not show another tenant's history", async () => {
    const a = await setup();
    const b = await setup();
    const c = await create(a.key, { custname: "x" });
    const res = await call(feedsRoute, b.key, "feeds", { query: { feed_type: "Alternation", type: "id", content: c.id } });
    expect(res.status).toBe(404);
  });
});
