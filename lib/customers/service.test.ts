import { describe, expect, it } from "vitest";
import { createCustomField } from "@/lib/custom-fields/service";
import { db } from "@/lib/db/client";
import type { DomainError } from "@/lib/errors";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { makeTenant } from "@/lib/test/factories";
import { createUser } from "@/lib/users/service";
import { authorOfApiKey, authorOfUser } from "./author";
import { findCustomerIdByIdentity } from "./identity";
import { findCustomerIds } from "./lookup";
import { createCustomer, deleteCustomer, getCustomer, updateCustomer } from "./service";

const apiAuthor = authorOfApiKey({ apiKeyId: 1, apiKeyName: "crm-sync" });

async function setup() {
  const tenant = await makeTenant();
  const east = await db.department.create({ data: { tenantId: tenant.id, name: "华东销售部" } });
  const west = await db.department.create({ data: { tenantId: tenant.id, name: "华西销售部" } });
  const staff = await createUser(tenant.id, {
    email: `s-${tenant.slug}@example.test`,
    name: "王小明",
    password: "password-123",
    loginNo: "trcs008",
    departmentId: east.id,
  });
  const task = await db.task.create({ data: { tenantId: tenant.id, name: "默认任务" } });
  return { tenant, east, west, staff, task };
}

const err = (e: unknown) => e as DomainError;

describe("creating a customer", () => {
  it("stores phones, options by name, owner with department, task and labels created on first use", async () => {
    const { tenant, east, task } = await setup();
    const c = await createCustomer(tenant.id, apiAuthor, {
      name: "测试用户",
      phones: [
        { id: null, number: "138 8888-8888" },
        { id: null, number: "13888889999" },
      ],
      type: { name: "签约客户" },
      dealFlag: { name: "未处理" },
      source: { name: "百度" },
      owner: { loginNo: "trcs008" },
      departmentId: east.id,
      taskId: task.id,
      labels: ["标签1", "标签2"],
    });
    expect(c.phones.map((p) => p.number)).toEqual(["13888888888", "13888889999"]);
    expect([c.type?.name, c.dealFlag?.name, c.source?.name]).toEqual(["签约客户", "未处理", "百度"]);
    expect(c.owner?.loginNo).toBe("trcs008");
    expect(c.department?.id).toBe(east.id);
    expect(c.task?.name).toBe("默认任务");
    expect(c.labels.map((l) => l.label.name)).toEqual(["标签1", "标签2"]);
    expect(await db.label.count({ where: { tenantId: tenant.id } })).toBe(2);

    // labels are reused, not duplicated, by the next customer
    const other = await createCustomer(tenant.id, apiAuthor, { name: "另一个", labels: ["标签2", "标签3"] });
    expect(other.labels.map((l) => l.label.id)).toContain(c.labels[1].label.id);
    expect(await db.label.count({ where: { tenantId: tenant.id } })).toBe(3);

    const audit = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "customer.create" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorType: "apikey", actorName: "crm-sync", entityId: String(c.id) });
  });

  it("refuses a phone another customer of the tenant uses (phone_taken, naming the normalised number)", async () => {
    const { tenant } = await setup();
    await createCustomer(tenant.id, apiAuthor, { name: "甲", phones: [{ id: null, number: "13900000001" }] });
    const e = err(
      await createCustomer(tenant.id, apiAuthor, { name: "乙", phones: [{ id: null, number: "139-0000-0001" }] }).catch((x) => x),
    );
    expect(e).toMatchObject({ kind: "conflict", reason: "phone_taken", params: { phone: "13900000001" }, path: "cellphones" });
    expect(await db.customer.count({ where: { tenantId: tenant.id } })).toBe(1);

    // another tenant may use the same number
    const other = await makeTenant();
    await expect(createCustomer(other.id, apiAuthor, { name: "丙", phones: [{ id: null, number: "13900000001" }] })).resolves.toBeTruthy();
  });

  it("checks an option value against the tenant's list", async () => {
    const { tenant } = await setup();
    const cases = [
      [{ type: { name: "企业客户" } }, { list: "custType", value: "企业客户" }],
      [{ dealFlag: { name: "了解产品" } }, { list: "dealFlag", value: "了解产品" }],
      [{ source: { name: "展览" } }, { list: "custFrom", value: "展览" }],
    ] as const;
    for (const [changes, params] of cases) {
      const e = err(await createCustomer(tenant.id, apiAuthor, { name: "x", ...changes }).catch((x) => x));
      expect(e).toMatchObject({ kind: "invalid", reason: "invalid_option", params, path: params.list });
    }
  });

  it("checks serviceNo and servicegroupId, each rule with its own reason", async () => {
    const { tenant, east, west } = await setup();
    const attempt = (changes: Parameters<typeof createCustomer>[2]) =>
      createCustomer(tenant.id, apiAuthor, changes).then(
        () => "ok",
        (e) => `${err(e).reason} ${err(e).path}`,
      );
    expect(await attempt({ name: "a", owner: { loginNo: "nobody" }, departmentId: east.id })).toBe("staff_not_found serviceNo");
    expect(await attempt({ name: "a", owner: { loginNo: "trcs008" } })).toBe("department_required servicegroupId");
    expect(await attempt({ name: "a", owner: { loginNo: "trcs008" }, departmentId: 999_999 })).toBe("department_unknown servicegroupId");
    expect(await attempt({ name: "a", owner: { loginNo: "trcs008" }, departmentId: west.id })).toBe("staff_not_in_department servicegroupId");
    expect(await attempt({ name: "a", departmentId: 999_999 })).toBe("department_unknown servicegroupId");
    expect(await attempt({ name: "a", owner: { loginNo: "trcs008" }, departmentId: east.id })).toBe("ok");
    // a department of another tenant does not exist here
    const foreign = await db.department.create({ data: { tenantId: (await makeTenant()).id, name: "外部" } });
    expect(await attempt({ name: "a", departmentId: foreign.id })).toBe("department_unknown servicegroupId");
  });

  it("needs an existing task", async () => {
    const { tenant } = await setup();
    const e = err(await createCustomer(tenant.id, apiAuthor, { name: "x", taskId: 424242 }).catch((x) => x));
    expect(e).toMatchObject({ kind: "invalid", reason: "task_unknown", params: { taskId: 424242 }, path: "taskId" });
  });

  it("needs required custom fields and refuses unknown ones", async () => {
    const { tenant } = await setup();
    const level = await createCustomField(tenant.id, { name: "客户等级", type: "select", options: ["A", "E"], required: true }, SYSTEM_ACTOR);
    const spend = await createCustomField(tenant.id, { name: "消费情况" }, SYSTEM_ACTOR);
    const missing = err(await createCustomer(tenant.id, apiAuthor, { name: "x" }).catch((x) => x));
    expect(missing).toMatchObject({ reason: "custom_field_required", params: { key: `${level.id}_客户等级` } });

    const unknown = err(
      await createCustomer(tenant.id, apiAuthor, {
        name: "x",
        customFields: [
          { fieldId: level.id, fieldName: "客户等级", key: `${level.id}_客户等级`, value: "E" },
          { fieldId: spend.id, fieldName: "消费水平", key: `${spend.id}_消费水平`, value: "高" },
        ],
      }).catch((x) => x),
    );
    expect(unknown).toMatchObject({ reason: "custom_field_unknown", params: { key: `${spend.id}_消费水平` } });

    const bad = err(
      await createCustomer(tenant.id, apiAuthor, {
        name: "x",
        customFields: [{ fieldId: level.id, fieldName: "客户等级", key: `${level.id}_客户等级`, value: "Z" }],
      }).catch((x) => x),
    );
    expect(bad).toMatchObject({ reason: "custom_field_invalid", params: { key: `${level.id}_客户等级`, type: "select", options: "A | E" } });

    const ok = await createCustomer(tenant.id, apiAuthor, {
      name: "x",
      customFields: [
        { fieldId: level.id, fieldName: "客户等级", key: `${level.id}_客户等级`, value: "E" },
        { fieldId: spend.id, fieldName: "消费情况", key: `${spend.id}_消费情况`, value: "高消费" },
      ],
    });
    expect(ok.fieldValues.map((v) => [v.field.name, v.value])).toEqual([
      ["客户等级", "E"],
      ["消费情况", "高消费"],
    ]);
  });

  it("keeps e-mail normalised with digests, and e-mail, CRM id and custom identities unique", async () => {
    const { tenant } = await setup();
    const c = await createCustomer(tenant.id, apiAuthor, {
      name: "x",
      email: " Li.Lei@Example.COM ",
      crmId: "CRM-1",
      identities: [{ type: "wechat", value: "wx-1" }],
    });
    const row = await db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.email).toBe("li.lei@example.com");
    expect(row.emailMd5).toMatch(/^[0-9a-f]{32}$/);
    expect(row.emailSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await findCustomerIdByIdentity(db, tenant.id, "emailMd5", row.emailMd5!)).toBe(c.id);
    expect(await findCustomerIdByIdentity(db, tenant.id, "wechat", "wx-1")).toBe(c.id);

    for (const changes of [{ email: "LI.LEI@example.com" }, { crmId: "CRM-1" }, { identities: [{ type: "wechat", value: "wx-1" }] }]) {
      const e = err(await createCustomer(tenant.id, apiAuthor, { name: "y", ...changes }).catch((x) => x));
      expect(e.kind).toBe("conflict");
      expect(["customer_email_taken", "crm_id_taken", "identity_taken"]).toContain(e.reason);
      expect(e.path).toBe(Object.keys(changes)[0]);
    }
    // the same value under another identity type is fine
    await expect(createCustomer(tenant.id, apiAuthor, { name: "z", identities: [{ type: "qq", value: "wx-1" }] })).resolves.toBeTruthy();
  });
});

describe("updating a customer", () => {
  it("changes only the given fields and records each change with the seed's summary and the author", async () => {
    const { tenant, staff } = await setup();
    const c = await createCustomer(tenant.id, apiAuthor, { name: "测试用户", address: "上海", phones: [{ id: null, number: "13800000001" }] });
    const user = authorOfUser({ id: staff.id, name: "王小明", loginNo: "trcs008" });
    const after = await updateCustomer(tenant.id, user, c.id, { companyName: "测试公司名", address: null, type: { name: "潜在客户" } });
    expect(after.name).toBe("测试用户");
    expect(after.phones.map((p) => p.number)).toEqual(["13800000001"]);
    expect(after.companyName).toBe("测试公司名");
    expect(after.address).toBeNull();
    expect(after.updatedByNo).toBe("trcs008");

    const rows = await db.alternation.findMany({ where: { customerId: c.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.summary).sort()).toEqual(["公司名称: <空>---->测试公司名", "客户类型: <空>---->潜在客户", "联系地址: 上海----><空>"].sort());
    expect(rows.every((r) => r.authorNo === "trcs008" && r.authorName === "王小明")).toBe(true);

    // an update that changes nothing records nothing
    await updateCustomer(tenant.id, user, c.id, { companyName: "测试公司名" });
    expect(await db.alternation.count({ where: { customerId: c.id } })).toBe(3);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "customer.update" } })).toBe(2);
  });

  it("records phones, labels, custom fields and owner changes, authored by the API key's name", async () => {
    const { tenant, east } = await setup();
    const field = await createCustomField(tenant.id, { name: "消费情况" }, SYSTEM_ACTOR);
    const c = await createCustomer(tenant.id, apiAuthor, { name: "x", phones: [{ id: null, number: "13800000002" }], labels: ["老客户"] });
    await updateCustomer(tenant.id, apiAuthor, c.id, {
      phones: [
        { id: c.phones[0].id, number: "13800000002" },
        { id: null, number: "13800000003" },
      ],
      labels: ["VIP"],
      customFields: [{ fieldId: field.id, fieldName: "消费情况", key: `${field.id}_消费情况`, value: "高消费" }],
      owner: { loginNo: "trcs008" },
      departmentId: east.id,
    });
    const summaries = (await db.alternation.findMany({ where: { customerId: c.id } })).map((r) => r.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        "联系电话: 13800000002---->13800000002,13800000003",
        "客户标签: 老客户---->VIP",
        "消费情况: <空>---->高消费",
        "归属工号: <空>---->trcs008",
        "归属部门: <空>---->华东销售部",
      ]),
    );
    const authors = await db.alternation.findMany({ where: { customerId: c.id }, select: { authorNo: true, authorName: true } });
    expect(authors.every((a) => a.authorNo === null && a.authorName === "crm-sync")).toBe(true);
  });

  it("rolls back the whole update when one rule fails", async () => {
    const { tenant } = await setup();
    await createCustomer(tenant.id, apiAuthor, { name: "甲", phones: [{ id: null, number: "13800000010" }] });
    const c = await createCustomer(tenant.id, apiAuthor, { name: "乙" });
    const e = err(
      await updateCustomer(tenant.id, apiAuthor, c.id, { companyName: "新公司", phones: [{ id: null, number: "13800000010" }] }).catch((x) => x),
    );
    expect(e).toMatchObject({ reason: "phone_taken", params: { phone: "13800000010" } });
    expect((await getCustomer(tenant.id, c.id)).companyName).toBeNull();
    expect(await db.alternation.count({ where: { customerId: c.id } })).toBe(0);
  });

  it("keeps a phone the customer already has when it is sent again without its id", async () => {
    const { tenant } = await setup();
    const c = await createCustomer(tenant.id, apiAuthor, { name: "x", phones: [{ id: null, number: "13888888888" }] });
    const after = await updateCustomer(tenant.id, apiAuthor, c.id, {
      phones: [
        { id: null, number: "13888888888" },
        { id: null, number: "13888889999" },
      ],
    });
    expect(after.phones[0]).toEqual(c.phones[0]);
    expect(after.phones).toHaveLength(2);
    // a phone id of another customer is refused
    const other = await createCustomer(tenant.id, apiAuthor, { name: "y", phones: [{ id: null, number: "13700000000" }] });
    const e = err(await updateCustomer(tenant.id, apiAuthor, c.id, { phones: [{ id: other.phones[0].id, number: "13700000001" }] }).catch((x) => x));
    expect(e).toMatchObject({ reason: "phone_not_owned", params: { phoneId: other.phones[0].id } });
  });

  it("checks a new department against the current owner", async () => {
    const { tenant, east, west } = await setup();
    const c = await createCustomer(tenant.id, apiAuthor, { name: "x", owner: { loginNo: "trcs008" }, departmentId: east.id });
    const e = err(await updateCustomer(tenant.id, apiAuthor, c.id, { departmentId: west.id }).catch((x) => x));
    expect(e).toMatchObject({ reason: "staff_not_in_department", path: "servicegroupId" });
  });
});

describe("deleting a customer", () => {
  it("soft-deletes, frees its phone, e-mail and identities, and keeps its history", async () => {
    const { tenant } = await setup();
    const c = await createCustomer(tenant.id, apiAuthor, {
      name: "x",
      phones: [{ id: null, number: "13600000000" }],
      email: "x@example.com",
      identities: [{ type: "wechat", value: "wx-9" }],
    });
    await updateCustomer(tenant.id, apiAuthor, c.id, { companyName: "A" });
    await deleteCustomer(tenant.id, apiAuthor, c.id);

    const row = await db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(await findCustomerIds(tenant.id, "cellphone", "13600000000")).toEqual([]);
    expect(await findCustomerIds(tenant.id, "id", String(c.id))).toEqual([]);
    await expect(getCustomer(tenant.id, c.id)).rejects.toMatchObject({ reason: "customer_not_found" });
    expect(await db.alternation.count({ where: { customerId: c.id } })).toBe(1);
    await expect(deleteCustomer(tenant.id, apiAuthor, c.id)).rejects.toMatchObject({ kind: "not_found" });

    const again = await createCustomer(tenant.id, apiAuthor, {
      name: "新客户",
      phones: [{ id: null, number: "13600000000" }],
      email: "x@example.com",
      identities: [{ type: "wechat", value: "wx-9" }],
    });
    expect(again.phones[0].number).toBe("13600000000");
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: "customer.delete" } });
    expect(JSON.stringify(audit.details)).toContain("13600000000");
  });
});
