import { describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/openapi/customers/create_customer/route";
import { DELETE as destroyRoute } from "@/app/openapi/customers/destroy_customer/route";
import { GET as filterRoute } from "@/app/openapi/customers/filter_customers/route";
import { GET as getRoute } from "@/app/openapi/customers/get_customer/route";
import { GET as listRoute } from "@/app/openapi/customers/list_customers/route";
import { PUT as updateRoute } from "@/app/openapi/customers/update_customer/route";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { createCustomField } from "@/lib/custom-fields/service";
import { db } from "@/lib/db/client";
import { makeApiKey, makeTenant } from "@/lib/test/factories";
import { createTenant } from "@/lib/tenants/service";
import { createUser } from "@/lib/users/service";
import { call, type Key } from "./test-client";

async function setup() {
  const tenant = await makeTenant();
  const key = await makeApiKey(tenant.id, "customers:read,customers:write");
  const dept = await db.department.create({ data: { tenantId: tenant.id, name: "华东销售部" } });
  await createUser(tenant.id, { email: `a-${tenant.slug}@example.test`, password: "password-123", loginNo: "trcs008", departmentId: dept.id });
  const task = await db.task.create({ data: { tenantId: tenant.id, name: "默认任务" } });
  return { tenant, key, dept, task };
}

const create = (key: Key, customer: unknown, query = {}) => call(createRoute, key, "create_customer", { body: { customer }, query });

describe("create_customer", () => {
  it("creates from the seed's example body and answers the seed's customer object", async () => {
    const { key, dept, task, tenant } = await setup();
    const level = await createCustomField(tenant.id, { name: "客户等级" }, SYSTEM_ACTOR);
    const res = await create(
      key,
      {
        id: 999_999,
        custname: "测试用户",
        custType: "潜在客户",
        " cellphones": [
          [null, "13888888888"],
          [null, "13888889999"],
        ],
        address: "上海市黄埔区皇后大道东29号",
        companyName: null,
        taskId: task.id,
        serviceNo: "trcs008",
        servicegroupId: String(dept.id),
        companyId: 8008,
        jsonStr: { [`${level.id}_客户等级`]: "E" },
        dealFlag: "未处理",
        assignTime: "2017-05-03 14:44",
        customerLabel: "标签1,标签2",
        email: "Buyer@Example.com",
        identities: [{ type: "wechat", value: "wx-001" }],
      },
      { callbackId: "222000" },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 1000, message: "操作成功！", callbackId: 222000 });
    const c = res.body.customer;
    expect(c).toMatchObject({
      custname: "测试用户",
      custType: "潜在客户",
      address: "上海市黄埔区皇后大道东29号",
      companyName: null,
      taskId: task.id,
      taskname: "默认任务",
      serviceNo: "trcs008",
      servicegroupId: dept.id,
      companyId: "8008",
      jsonStr: { [`${level.id}_客户等级`]: "E" },
      dealFlag: "未处理",
      assignTime: "2017-05-03 14:44",
      custFrom: null,
      followNum: 0,
      email: "buyer@example.com",
      identities: [{ type: "wechat", value: "wx-001" }],
      loginNo: null,
      score: 0,
    });
    expect(c.id).not.toBe(999_999); // read-only fields are ignored
    expect(c.cellphones).toEqual([
      { id: expect.any(Number), content: "13888888888" },
      { id: expect.any(Number), content: "13888889999" },
    ]);
    expect(c.customerLabel.map((l: { name: string }) => l.name)).toEqual(["标签1", "标签2"]);
    expect(c.opTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // assignTime was read in the tenant's zone (Asia/Shanghai): 14:44 there is 06:44 UTC
    const row = await db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.assignTime?.toISOString()).toBe("2017-05-03T06:44:00.000Z");
  });

  it("answers the seed's 2000 errors for bad bodies, never a 500", async () => {
    const { key, tenant } = await setup();
    const malformed = await call(createRoute, key, "create_customer", { body: '{"customer": {custname:' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ success: false, code: 2000, message: "未知错误", exception: "不正确的参数格式" });

    for (const body of [{}, { customer: {} }, { customer: null }, { customer: { unknownKey: 1 } }]) {
      const res = await call(createRoute, key, "create_customer", { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 2000, exception: "param is missing or the value is empty: customer" });
    }

    const wrongType = await create(key, { custname: { first: "x" }, cellphones: "13800000000" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ code: 2000, exception: "不正确的参数格式" });
    expect(wrongType.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["customer.custname", "customer.cellphones"]));

    const badTime = await create(key, { custname: "x", assignTime: "yesterday" });
    expect(badTime.body).toMatchObject({ code: 2000, exception: "不正确的参数格式" });
    expect(badTime.body.errors[0].path).toBe("customer.assignTime");

    const badType = await create(key, { custname: "x", custType: "普通客户" });
    expect(badType.status).toBe(400);
    expect(badType.body).toMatchObject({ code: 2000, exception: "'普通客户' is not a valid custtype" });

    const noStaff = await create(key, { custname: "x", serviceNo: "008", servicegroupId: 1 });
    expect(noStaff.body).toMatchObject({ code: 2000, exception: "找不到归属工号" });

    const noName = await create(key, { address: "somewhere" });
    expect(noName.body.code).toBe(2000);
    expect(await db.customer.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("refuses a phone in use with 409 and the seed's wording", async () => {
    const { key } = await setup();
    expect((await create(key, { custname: "甲", cellphones: [[null, "13888888888"]] })).status).toBe(200);
    const dup = await create(key, { custname: "乙", cellphones: [[null, "138-8888-8888"]] });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ success: false, code: 2000, exception: "验证失败: 电话13888888888已经使用" });
  });

  it("needs customers:write", async () => {
    const { tenant } = await setup();
    const reader = await makeApiKey(tenant.id, "customers:read");
    const res = await create(reader, { custname: "x" });
    expect(res.status).toBe(403);
    expect(res.body.success).toBe(false);
  });
});

describe("signature", () => {
  it("refuses a wrong signature and one ten minutes old with 401 in the dialect's envelope", async () => {
    const { key } = await setup();
    const wrong = await call(filterRoute, key, "filter_customers", { secret: "not-the-secret" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, code: 401 });
    const old = await call(filterRoute, key, "filter_customers", { at: Math.floor(Date.now() / 1000) - 600 });
    expect(old.status).toBe(401);
    expect(old.body.success).toBe(false);
    expect((await call(filterRoute, key, "filter_customers")).status).toBe(200);
  });
});

describe("filter_customers", () => {
  it("lists the tenant's option lists, staff login numbers and tasks as the seed shows them", async () => {
    const { key, task } = await setup();
    const res = await call(filterRoute, key, "filter_customers", { query: { callbackId: 222000, groupId: 1001, companyId: 1001 } });
    expect(res.body).toMatchObject({ success: true, code: 1000, callbackId: 222000 });
    expect(res.body.result.custTypeList).toEqual([
      { name: "潜在客户", value: "0" },
      { name: "签约客户", value: "1" },
      { name: "重复购买", value: "2" },
      { name: "流失客户", value: "3" },
    ]);
    expect(res.body.result.dealFlagList[4]).toEqual({ name: "客户签约", value: "11" });
    expect(res.body.result.custFromList).toHaveLength(6);
    expect(res.body.result.loginNoList).toEqual(["trcs008"]);
    expect(res.body.result.taskList).toEqual([{ name: "默认任务", value: task.id }]);
  });
});

describe("get_customer", () => {
  it("finds by id, cellphone, custName (all namesakes) and companyName", async () => {
    const { key } = await setup();
    const a = (await create(key, { custname: "张三", cellphones: [[null, "13800000001"]], companyName: "天润" })).body.customer;
    const b = (await create(key, { custname: "张三", cellphones: [[null, "13800000002"]] })).body.customer;

    const byId = await call(getRoute, key, "get_customer", { query: { type: "id", content: a.id, callbackId: 7 } });
    expect(byId.body).toMatchObject({ success: true, code: 1000, callbackId: 7 });
    expect(byId.body.result).toHaveLength(1);
    expect(byId.body.result[0]).toEqual(a);

    const byPhone = await call(getRoute, key, "get_customer", { query: { type: "cellphone", content: "138 0000 0002" } });
    expect(byPhone.body.result.map((c: { id: number }) => c.id)).toEqual([b.id]);

    const byName = await call(getRoute, key, "get_customer", { query: { type: "custName", content: "张三" } });
    expect(byName.body.result.map((c: { id: number }) => c.id)).toEqual([a.id, b.id]);

    const byCompany = await call(getRoute, key, "get_customer", { query: { type: "companyName", content: "天润" } });
    expect(byCompany.body.result.map((c: { id: number }) => c.id)).toEqual([a.id]);
  });

  it("answers 2060 for a missing or unknown type, 2000 without content, 2005 for no match", async () => {
    const { key } = await setup();
    const noType = await call(getRoute, key, "get_customer", { query: { content: "x" } });
    expect(noType.status).toBe(400);
    expect(noType.body).toMatchObject({ success: false, code: 2060, message: "无效的唯一标识符类型" });
    const badType = await call(getRoute, key, "get_customer", { query: { type: "email", content: "x" } });
    expect(badType.body.code).toBe(2060);
    const noContent = await call(getRoute, key, "get_customer", { query: { type: "id" } });
    expect(noContent.status).toBe(400);
    expect(noContent.body).toMatchObject({ code: 2000, exception: "Couldn't find Customer" });
    const none = await call(getRoute, key, "get_customer", { query: { type: "id", content: 99999999 } });
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ success: false, code: 2005, message: "没有找到该资源", exception: "Couldn't find Customer" });
    const junk = await call(getRoute, key, "get_customer", { query: { type: "id", content: "abc" } });
    expect(junk.body.code).toBe(2005);
  });
});

describe("update_customer", () => {
  it("changes only the given fields and answers the customer; the change feed shows the API key", async () => {
    const { key } = await setup();
    const c = (await create(key, { custname: "测试用户", address: "上海", cellphones: [[null, "13888888888"]], customerLabel: "标签1" })).body
      .customer;
    const res = await call(updateRoute, key, "update_customer", {
      method: "PUT",
      query: { type: "cellphone", content: "13888888888", callbackId: 9 },
      body: { customer: { companyName: "测试公司名", cellphones: [[null, "13888888888"], [null, "13888889999"]] } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 1000, callbackId: 9 });
    expect(res.body.customer).toMatchObject({ id: c.id, custname: "测试用户", address: "上海", companyName: "测试公司名" });
    expect(res.body.customer.customerLabel).toEqual(c.customerLabel);
    expect(res.body.customer.cellphones[0]).toEqual(c.cellphones[0]);
    expect(res.body.customer.cellphones).toHaveLength(2);

    const alternations = await db.alternation.findMany({ where: { customerId: c.id } });
    expect(alternations.map((a) => a.summary).sort()).toEqual(["公司名称: <空>---->测试公司名", "联系电话: 13888888888---->13888888888,13888889999"].sort());
  });

  it("answers 2005 for an unknown customer, 2060 without type, 2000 for an empty customer and 409 for a taken phone", async () => {
    const { key } = await setup();
    await create(key, { custname: "甲", cellphones: [[null, "13800000009"]] });
    const b = (await create(key, { custname: "乙" })).body.customer;
    const put = (query: Record<string, string | number>, body: unknown) => call(updateRoute, key, "update_customer", { method: "PUT", query, body });

    expect((await put({ type: "id", content: 424242 }, { customer: { address: "x" } })).body.code).toBe(2005);
    expect((await put({ content: b.id }, { customer: { address: "x" } })).body.code).toBe(2060);
    const empty = await put({ type: "id", content: b.id }, { customer: {} });
    expect(empty.body).toMatchObject({ code: 2000, exception: "param is missing or the value is empty: customer" });
    const taken = await put({ type: "id", content: b.id }, { customer: { cellphones: [[null, "13800000009"]] } });
    expect(taken.status).toBe(409);
    expect(taken.body.exception).toBe("验证失败: 电话13800000009已经使用");
    const blankName = await put({ type: "id", content: b.id }, { customer: { custname: "" } });
    expect(blankName.status).toBe(400);
  });
});

describe("destroy_customer", () => {
  it("soft-deletes, answers customer_id, and frees the phone", async () => {
    const { key } = await setup();
    const c = (await create(key, { custname: "x", cellphones: [[null, "13500000000"]] })).body.customer;
    const res = await call(destroyRoute, key, "destroy_customer", { method: "DELETE", query: { type: "cellphone", content: "13500000000" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 1000, customer_id: c.id });
    expect((await call(getRoute, key, "get_customer", { query: { type: "id", content: c.id } })).body.code).toBe(2005);
    const again = await call(destroyRoute, key, "destroy_customer", { method: "DELETE", query: { type: "id", content: c.id } });
    expect(again.status).toBe(404);
    expect((await create(key, { custname: "y", cellphones: [[null, "13500000000"]] })).status).toBe(200);
    expect(await db.customer.count({ where: { id: c.id } })).toBe(1);
  });
});

describe("tenant isolation", () => {
  it("never shows nor changes another tenant's customers", async () => {
    const a = await setup();
    const b = await setup();
    const mine = (await create(a.key, { custname: "机密客户", cellphones: [[null, "13911112222"]] })).body.customer;
    for (const query of [
      { type: "id", content: mine.id },
      { type: "cellphone", content: "13911112222" },
      { type: "custName", content: "机密客户" },
    ]) {
      expect((await call(getRoute, b.key, "get_customer", { query })).body.code).toBe(2005);
    }
    const put = await call(updateRoute, b.key, "update_customer", { method: "PUT", query: { type: "id", content: mine.id }, body: { customer: { address: "x" } } });
    expect(put.status).toBe(404);
    const del = await call(destroyRoute, b.key, "destroy_customer", { method: "DELETE", query: { type: "id", content: mine.id } });
    expect(del.status).toBe(404);
    const list = await call(listRoute, b.key, "list_customers");
    expect(list.body.meta.total_count).toBe(0);
    // the other tenant may use the same phone
    expect((await create(b.key, { custname: "别人", cellphones: [[null, "13911112222"]] })).status).toBe(200);
    expect((await db.customer.findUniqueOrThrow({ where: { id: mine.id } })).address).toBeNull();
  });

  it("writes times in the tenant's own time zone", async () => {
    const tenant = await createTenant({ slug: `utc-${Date.now().toString(36)}`, name: "UTC tenant", timeZone: "UTC" });
    const key = await makeApiKey(tenant.id);
    const c = (await create(key, { custname: "x", assignTime: "2017-05-03 14:44" })).body.customer;
    expect(c.assignTime).toBe("2017-05-03 14:44");
    const row = await db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.assignTime?.toISOString()).toBe("2017-05-03T14:44:00.000Z");
  });
});
