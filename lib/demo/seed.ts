import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/access/api-keys";
import { db } from "@/lib/db/client";
import { listOptionLists } from "@/lib/options/service";
import { createTenant } from "@/lib/tenants/service";
import { createUser } from "@/lib/users/service";
import type { DemoContext } from "./context";
import { insertAutomation } from "./automation";
import { insertCustomers } from "./customers";
import { insertJourneys } from "./events";
import { insertFeeds } from "./feeds";
import { Random } from "./random";

/** The demo tenant's sign-ins, printed by `npm start` so a fresh clone can be explored at once. */
export const DEMO_USERS = [
  { email: "admin@demo.local", password: "demo-admin-123", role: "admin" as const, loginNo: "8001", name: "Demo Admin", department: "华东销售部" },
  { email: "marketer@demo.local", password: "demo-marketer-123", role: "marketer" as const, loginNo: "8002", name: "Mia Marketer", department: "华东销售部" },
  { email: "viewer@demo.local", password: "demo-viewer-123", role: "viewer" as const, loginNo: "8003", name: "Victor Viewer", department: "客服中心" },
];

/** Sales staff who own demo customers; they get random passwords (an admin can reset them). */
const DEMO_STAFF = [
  { email: "zhang.wei@demo.local", loginNo: "8004", name: "张伟", department: "华东销售部" },
  { email: "li.na@demo.local", loginNo: "8005", name: "李娜", department: "华东销售部" },
  { email: "wang.fang@demo.local", loginNo: "8006", name: "王芳", department: "华南销售部" },
  { email: "chen.lei@demo.local", loginNo: "8007", name: "陈磊", department: "华南销售部" },
];

const DEMO_DEPARTMENTS = ["华东销售部", "华南销售部", "客服中心"];
const DEMO_TASKS = ["默认任务", "空号测试", "自定义模板", "618大促回访", "新客户首呼"];
const DEMO_LABELS = ["高价值", "VIP", "价格敏感", "复购意向", "新品关注", "活动参与", "沉睡唤醒", "企业客户", "母婴", "数码爱好者", "宠物主", "学生"];
const DEMO_FIELDS = [
  { name: "消费水平", type: "select", options: ["高", "中", "低"] },
  { name: "会员等级", type: "select", options: ["普通", "银卡", "金卡", "钻石"] },
  { name: "生日", type: "date", options: null },
  { name: "年收入(万元)", type: "number", options: null },
  { name: "备注", type: "text", options: null },
];
/** How many customers the demo tenant gets. */
export const DEMO_CUSTOMERS = 300;

const DEMO_EVENT_TYPES = [
  {
    eventKey: "page_view",
    name: "浏览页面",
    isInteract: true,
    rating: 1,
    stage: "新客户",
    depth: 0,
    category: "interact",
    attributes: [
      { attrKey: "url", attrName: "页面地址", type: "text", showInFlow: true },
      { attrKey: "duration", attrName: "停留秒数", type: "value", showInFlow: false },
    ],
  },
  {
    eventKey: "form_submit",
    name: "提交表单",
    isInteract: true,
    rating: 5,
    stage: "意向客户",
    depth: 1,
    category: "interact",
    attributes: [{ attrKey: "form", attrName: "表单名称", type: "text", showInFlow: true }],
  },
  {
    eventKey: "order_paid",
    name: "订单支付",
    isInteract: false,
    rating: 20,
    stage: "成交客户",
    depth: 2,
    category: "trade",
    attributes: [
      { attrKey: "orderNo", attrName: "订单号", type: "text", showInFlow: true },
      { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
      { attrKey: "paidAt", attrName: "支付时间", type: "DateTime", showInFlow: false },
    ],
  },
  {
    eventKey: "membership_renewed",
    name: "会员续费",
    isInteract: false,
    rating: 10,
    stage: "复购客户",
    depth: 3,
    category: null,
    attributes: [{ attrKey: "expiresOn", attrName: "到期日", type: "Date", showInFlow: true }],
  },
];

export interface DemoSeedResult {
  appKey: string;
  secret: string;
  counts: Record<string, number>;
}

/**
 * The demo tenant: departments, staff, tasks, labels, custom fields, event types, an API key, and
 * DEMO_CUSTOMERS customers with 60 days of events and the five feeds, then the automation (groups,
 * segments, custom events, scenarios, finished runs: ./automation.ts). The bulk data is written in
 * one transaction; if anything fails the tenant is removed again, so the next `npm start` retries.
 */
export async function seedDemo(): Promise<DemoSeedResult> {
  const tenant = await createTenant({ slug: "demo", name: "Demo Company", timeZone: "Asia/Shanghai" });
  try {
    const departments = new Map<string, number>();
    for (const name of DEMO_DEPARTMENTS) departments.set(name, (await db.department.create({ data: { tenantId: tenant.id, name } })).id);
    await db.task.createMany({ data: DEMO_TASKS.map((name) => ({ tenantId: tenant.id, name })) });
    await db.label.createMany({ data: DEMO_LABELS.map((name) => ({ tenantId: tenant.id, name })) });
    await db.customFieldDefinition.createMany({
      data: DEMO_FIELDS.map((f, sort) => ({ tenantId: tenant.id, name: f.name, type: f.type, options: f.options ?? undefined, sort })),
    });
    const users = [];
    for (const { department, ...u } of DEMO_USERS) users.push(await createUser(tenant.id, { ...u, departmentId: departments.get(department) }));
    for (const { department, ...u } of DEMO_STAFF) {
      const password = randomBytes(18).toString("base64url");
      users.push(await createUser(tenant.id, { ...u, password, role: "marketer", departmentId: departments.get(department) }));
    }

    const stages = await db.lifecycleStage.findMany({ where: { tenantId: tenant.id } });
    const categories = await db.eventCategory.findMany({ where: { tenantId: tenant.id } });
    const eventTypes: DemoContext["eventTypes"] = [];
    for (const t of DEMO_EVENT_TYPES) {
      const row = await db.eventType.create({
        data: {
          tenantId: tenant.id,
          eventKey: t.eventKey,
          name: t.name,
          isInteract: t.isInteract,
          rating: t.rating,
          stageId: stages.find((s) => s.name === t.stage)?.id ?? null,
          categoryId: categories.find((c) => c.code === t.category)?.id ?? null,
          attributes: { create: t.attributes.map((a, i) => ({ ...a, sort: i })) },
        },
      });
      eventTypes.push({ id: row.id, eventKey: row.eventKey, name: row.name, rating: row.rating ?? 0, stageId: row.stageId, depth: t.depth });
    }
    const key = await createApiKey(tenant.id, { name: "demo integration", scopes: ["all"] });

    const ctx: DemoContext = {
      tenantId: tenant.id,
      timeZone: tenant.timeZone,
      now: new Date(),
      rnd: new Random(20261124),
      // the viewer owns no customers: owners are the people who work them
      staff: users.filter((u) => u.role !== "viewer").map((u) => ({ id: u.id, loginNo: u.loginNo, name: u.name, departmentId: u.departmentId })),
      options: await listOptionLists(tenant.id),
      tasks: await db.task.findMany({ where: { tenantId: tenant.id }, select: { id: true, name: true } }),
      labels: await db.label.findMany({ where: { tenantId: tenant.id }, select: { id: true, name: true } }),
      fields: (await db.customFieldDefinition.findMany({ where: { tenantId: tenant.id } })).map((f) => ({
        id: f.id,
        name: f.name,
        type: f.type,
        options: Array.isArray(f.options) ? f.options.filter((o): o is string => typeof o === "string") : null,
      })),
      eventTypes,
      recordedBy: `apikey:${key.id}`,
    };
    const { counts, customers } = await db.$transaction(
      async (tx) => {
        const customers = await insertCustomers(tx, ctx, DEMO_CUSTOMERS);
        const events = await insertJourneys(tx, ctx, customers);
        return { customers, counts: { customers: customers.length, events, ...(await insertFeeds(tx, ctx, customers)) } };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    // groups, segments, custom events, scenarios and a few finished runs, through the services
    Object.assign(counts, await insertAutomation(ctx, customers));
    return { appKey: key.appKey, secret: key.secret, counts };
  } catch (err) {
    // nothing of the bulk transaction was kept, so no event (which the database never deletes) is left
    await db.tenant.delete({ where: { id: tenant.id } }).catch(() => undefined);
    throw err;
  }
}
