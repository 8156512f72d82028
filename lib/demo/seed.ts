import { createApiKey } from "@/lib/access/api-keys";
import { db } from "@/lib/db/client";
import { createTenant } from "@/lib/tenants/service";
import { createUser } from "@/lib/users/service";

/** The demo tenant's sign-ins, printed by `npm start` so a fresh clone can be explored at once. */
export const DEMO_USERS = [
  { email: "admin@demo.local", password: "demo-admin-123", role: "admin" as const, loginNo: "8001", name: "Demo Admin" },
  { email: "marketer@demo.local", password: "demo-marketer-123", role: "marketer" as const, loginNo: "8002", name: "Mia Marketer" },
  { email: "viewer@demo.local", password: "demo-viewer-123", role: "viewer" as const, loginNo: "8003", name: "Victor Viewer" },
];

const DEMO_EVENT_TYPES = [
  {
    eventKey: "page_view",
    name: "浏览页面",
    isInteract: true,
    rating: 1,
    stage: "新客户",
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
    category: "interact",
    attributes: [{ attrKey: "form", attrName: "表单名称", type: "text", showInFlow: true }],
  },
  {
    eventKey: "order_paid",
    name: "订单支付",
    isInteract: false,
    rating: 20,
    stage: "成交客户",
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
    category: null,
    attributes: [{ attrKey: "expiresOn", attrName: "到期日", type: "Date", showInFlow: true }],
  },
];

export async function seedDemo(): Promise<{ appKey: string; secret: string }> {
  const tenant = await createTenant({ slug: "demo", name: "Demo Company", timeZone: "Asia/Shanghai" });
  const dept = await db.department.create({ data: { tenantId: tenant.id, name: "华东销售部" } });
  await db.task.createMany({
    data: ["默认任务", "空号测试", "自定义模板"].map((name) => ({ tenantId: tenant.id, name })),
  });
  for (const u of DEMO_USERS) await createUser(tenant.id, { ...u, departmentId: dept.id });

  const stages = await db.lifecycleStage.findMany({ where: { tenantId: tenant.id } });
  const categories = await db.eventCategory.findMany({ where: { tenantId: tenant.id } });
  for (const t of DEMO_EVENT_TYPES) {
    await db.eventType.create({
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
  }
  const key = await createApiKey(tenant.id, { name: "demo integration", scopes: ["all"] });
  return { appKey: key.appKey, secret: key.secret };
}
