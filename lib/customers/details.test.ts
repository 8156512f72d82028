import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { createCustomField } from "@/lib/custom-fields/service";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { createUser } from "@/lib/users/service";
import { authorOfApiKey } from "./author";
import { loadCustomerDetails } from "./details";
import { customerWhere, listCustomerDetails, type CustomerFilter } from "./list";
import { customerDetailSelect } from "./repository";
import { createCustomer, deleteCustomer } from "./service";

const author = authorOfApiKey({ apiKeyId: 1, apiKeyName: "crm-sync" });

/** The profile as Prisma's select reads it: what the console shows. */
async function prismaDetails(tenantId: number, ids: number[]) {
  const rows = await db.customer.findMany({ where: { tenantId, deletedAt: null, id: { in: ids } }, select: customerDetailSelect });
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}

async function fullCustomer(tenantId: number) {
  const department = await db.department.create({ data: { tenantId, name: "华东销售部" } });
  await createUser(tenantId, { email: `s-${tenantId}@example.test`, name: "王小明", password: "password-123", loginNo: "trcs008", departmentId: department.id });
  const task = await db.task.create({ data: { tenantId, name: "默认任务" } });
  const stage = await db.lifecycleStage.findFirstOrThrow({ where: { tenantId }, orderBy: { sort: "desc" } });
  const level = await createCustomField(tenantId, { name: "客户等级", type: "select", options: ["A", "E"] }, SYSTEM_ACTOR);
  const spend = await createCustomField(tenantId, { name: "消费情况" }, SYSTEM_ACTOR);
  return createCustomer(tenantId, author, {
    name: "测试用户",
    email: "Test@Example.com",
    crmId: "crm-1",
    address: "上海",
    companyName: "某公司",
    companyId: "c-1",
    lastAccept: "电话",
    phones: [
      { id: null, number: "13888888888" },
      { id: null, number: "13888889999" },
    ],
    identities: [
      { type: "wechatOpenId", value: "o-123" },
      { type: "unionId", value: "u-9" },
    ],
    type: { name: "签约客户" },
    dealFlag: { name: "未处理" },
    source: { name: "百度" },
    owner: { loginNo: "trcs008" },
    departmentId: department.id,
    taskId: task.id,
    stageId: stage.id,
    score: 42,
    assignTime: new Date("2026-11-20T08:30:00.000Z"),
    labels: ["标签2", "标签1"],
    customFields: [
      { fieldId: spend.id, fieldName: "消费情况", key: `${spend.id}_消费情况`, value: "高消费" },
      { fieldId: level.id, fieldName: "客户等级", key: `${level.id}_客户等级`, value: "E" },
    ],
  });
}

describe("the API's customer profiles", () => {
  it("read the same profile as the console: every field, relation and list, in the order asked", async () => {
    const tenant = await makeTenant();
    const full = await fullCustomer(tenant.id);
    const bare = await createCustomer(tenant.id, author, { name: "只有名字" });
    const ids = [bare.id, full.id];
    const loaded = await loadCustomerDetails(tenant.id, ids);
    expect(loaded).toEqual(await prismaDetails(tenant.id, ids));
    expect(loaded.map((c) => c.id)).toEqual(ids);
    // the full one really has every part filled (the comparison above is not of empty lists)
    const f = loaded[1];
    expect([f.type?.name, f.dealFlag?.name, f.source?.name, f.task?.name, f.owner?.loginNo, f.department?.name]).toEqual([
      "签约客户",
      "未处理",
      "百度",
      "默认任务",
      "trcs008",
      "华东销售部",
    ]);
    expect(f.owner?.departmentId).toBe(f.department?.id);
    expect([f.phones.length, f.identities.length, f.labels.length, f.fieldValues.length]).toEqual([2, 2, 2, 2]);
    expect(f.assignTime).toEqual(new Date("2026-11-20T08:30:00.000Z"));
    expect(f.createdAt).toBeInstanceOf(Date);
  });

  it("skip deleted customers and other tenants' customers", async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const kept = await createCustomer(tenant.id, author, { name: "留下" });
    const gone = await createCustomer(tenant.id, author, { name: "删除" });
    await deleteCustomer(tenant.id, author, gone.id);
    const foreign = await createCustomer(other.id, author, { name: "别人的" });
    expect((await loadCustomerDetails(tenant.id, [gone.id, foreign.id, kept.id])).map((c) => c.name)).toEqual(["留下"]);
    expect(await loadCustomerDetails(tenant.id, [])).toEqual([]);
  });

  it("list a deep page newest first, with the capped total", async () => {
    const tenant = await makeTenant();
    const made = [];
    for (let i = 1; i <= 7; i++) made.push(await createCustomer(tenant.id, author, { name: `客户${i}`, labels: [`L${i % 2}`] }));
    const newestFirst = made.map((c) => c.id).reverse();
    const page2 = await listCustomerDetails(tenant.id, {}, 2, 3, 100);
    expect(page2).toMatchObject({ page: 2, pageSize: 3, total: 7, totalPages: 3 });
    expect(page2.items).toEqual(await prismaDetails(tenant.id, newestFirst.slice(3, 6)));
    // the cap bounds the total and the last page
    const capped = await listCustomerDetails(tenant.id, {}, 2, 3, 5);
    expect(capped).toMatchObject({ total: 5, totalPages: 2 });
    expect(capped.items.map((c) => c.id)).toEqual(newestFirst.slice(3, 5));
    expect((await listCustomerDetails(tenant.id, {}, 3, 3, 5)).items).toEqual([]);
    // a filter narrows the page (labels: an EXISTS)
    const label = await db.label.findFirstOrThrow({ where: { tenantId: tenant.id, name: "L1" } });
    const odd = await listCustomerDetails(tenant.id, { labelId: label.id }, 1, 10, 100);
    expect(odd.items.map((c) => c.name)).toEqual(["客户7", "客户5", "客户3", "客户1"]);
  });

  it("narrow by every filter exactly as the console's list does", async () => {
    const tenant = await makeTenant();
    const t = tenant.id;
    const east = await db.department.create({ data: { tenantId: t, name: "华东" } });
    const owner = await createUser(t, { email: `o-${t}@example.test`, name: "张三", password: "password-123", loginNo: "zs01", departmentId: east.id });
    const dept = await db.department.create({ data: { tenantId: t, name: "部门" } });
    const other = await createUser(t, { email: `p-${t}@example.test`, name: "李四", password: "password-123", loginNo: "ls02", departmentId: dept.id });
    const task = await db.task.create({ data: { tenantId: t, name: "任务" } });
    const stage = await db.lifecycleStage.findFirstOrThrow({ where: { tenantId: t } });
    const group = await db.group.create({ data: { tenantId: t, name: "组" } });
    const specs = [
      { name: "100%_真", phones: [{ id: null, number: "13800001111" }], owner: { id: owner.id }, departmentId: east.id, taskId: task.id, labels: ["A"], type: { name: "签约客户" } },
      { name: "100x真", phones: [{ id: null, number: "13900002222" }], owner: { id: other.id }, departmentId: dept.id, labels: ["B"], source: { name: "百度" } },
      { name: "abc", stageId: stage.id, dealFlag: { name: "未处理" }, labels: ["A", "B"] },
      { name: "ABC 大写", phones: [{ id: null, number: "13800003333" }] },
      { name: "a_c", owner: { id: owner.id }, departmentId: east.id },
    ];
    const made = [];
    for (const spec of specs) made.push(await createCustomer(t, author, spec));
    await db.groupMember.create({ data: { tenantId: t, groupId: group.id, customerId: made[2].id } });
    await deleteCustomer(t, author, (await createCustomer(t, author, { name: "abc 已删除", owner: { id: owner.id }, departmentId: east.id })).id);
    await createCustomer((await makeTenant()).id, author, { name: "abc 别的租户" });
    const labelA = await db.label.findFirstOrThrow({ where: { tenantId: t, name: "A" } });
    const option = (id: number | undefined) => id ?? -1;
    const filters: CustomerFilter[] = [
      {},
      { taskId: task.id },
      { ownerId: owner.id },
      { ownerId: null },
      { ownerLoginNo: "zs01" },
      { ownerLoginNo: "nobody" },
      { typeId: option(made[0].type?.id) },
      { dealFlagId: option(made[2].dealFlag?.id) },
      { sourceId: option(made[1].source?.id) },
      { stageId: stage.id },
      { departmentId: dept.id },
      { labelId: labelA.id },
      { groupId: group.id },
      { q: "abc" },
      { q: "100%" },
      { q: "100_" },
      { q: "a_c" },
      { q: "1380000" },
      { q: "2222" },
      { q: "真" },
      { q: "abc", labelId: labelA.id, ownerId: null },
    ];
    const sizes: number[] = [];
    for (const filter of filters) {
      const expected = await db.customer.findMany({ where: await customerWhere(t, filter), select: { id: true }, orderBy: { id: "desc" } });
      const page = await listCustomerDetails(t, filter, 1, 50, 100);
      expect({ filter, ids: page.items.map((c) => c.id), total: page.total }).toEqual({
        filter,
        ids: expected.map((r) => r.id),
        total: expected.length,
      });
      sizes.push(expected.length);
    }
    // the comparison is of real selections: all five, none (an unknown login), and sizes between
    expect(sizes[0]).toBe(5);
    expect(sizes.filter((n) => n > 0 && n < 5).length).toBeGreaterThanOrEqual(15);
    expect(sizes).toContain(0);
  });
});
