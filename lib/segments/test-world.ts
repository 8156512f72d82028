import { randomBytes } from "node:crypto";
import { parseWallClock, wallClockToInstant } from "@/lib/customer-events/time";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";

/**
 * A tenant with one of everything a segment rule can name, made directly with `db`: options, stages,
 * labels, staff, departments, tasks, custom fields of each type, event types with one attribute of
 * each type, and a group. `customer()` adds a customer with phones, labels, field values, groups and events.
 */
export async function segmentWorld(opts: { timeZone?: string } = {}) {
  const t = await makeTenant();
  const tenantId = t.id;
  if (opts.timeZone) await db.tenant.update({ where: { id: tenantId }, data: { timeZone: opts.timeZone } });
  const timeZone = opts.timeZone ?? t.timeZone;
  const u = randomBytes(3).toString("hex");
  const opt = (list: string, name: string) => db.optionItem.create({ data: { tenantId, list, name, value: `${name}-${u}` } });
  const options = {
    vip: await opt("custType", "VIP客户"),
    plainType: await opt("custType", "普通客户"),
    won: await opt("dealFlag", "已成交X"),
    lost: await opt("dealFlag", "未成交X"),
    fair: await opt("custFrom", "展会X"),
    web: await opt("custFrom", "官网X"),
  };
  const stages = {
    a: await db.lifecycleStage.create({ data: { tenantId, name: `S-a-${u}` } }),
    b: await db.lifecycleStage.create({ data: { tenantId, name: `S-b-${u}` } }),
  };
  const labels = {
    hot: await db.label.create({ data: { tenantId, name: "热门" } }),
    cold: await db.label.create({ data: { tenantId, name: "冷淡" } }),
  };
  const departments = {
    sales: await db.department.create({ data: { tenantId, name: "销售" } }),
    care: await db.department.create({ data: { tenantId, name: "客服" } }),
  };
  const staff = (loginNo: string) =>
    db.user.create({ data: { tenantId, email: `${loginNo}-${u}@example.test`, name: loginNo, passwordHash: "x", loginNo, departmentId: departments.sales.id } });
  const owners = { a: await staff("8001"), b: await staff("8002") };
  const tasks = {
    call: await db.task.create({ data: { tenantId, name: "回访" } }),
    visit: await db.task.create({ data: { tenantId, name: "拜访" } }),
  };
  const field = (name: string, type: string, options?: string[]) => db.customFieldDefinition.create({ data: { tenantId, name, type, options } });
  const fields = {
    text: await field("备注", "text"),
    number: await field("消费", "number"),
    date: await field("生日", "date"),
    select: await field("等级", "select", ["金", "银"]),
  };
  const orderPaid = await db.eventType.create({
    data: {
      tenantId,
      eventKey: "order_paid",
      name: "订单支付",
      attributes: {
        create: [
          { attrKey: "product", attrName: "商品", type: "text" },
          { attrKey: "amount", attrName: "金额", type: "value" },
          { attrKey: "deliveryDay", attrName: "送达日", type: "Date" },
          { attrKey: "paidAt", attrName: "支付时间", type: "DateTime" },
        ],
      },
    },
  });
  const pageView = await db.eventType.create({
    data: { tenantId, eventKey: "page_view", name: "浏览页面", attributes: { create: [{ attrKey: "url", attrName: "页面", type: "text" }] } },
  });
  const types = { orderPaid, pageView };
  const group = await db.group.create({ data: { tenantId, name: `G-${u}` } });

  /** tenant-local "yyyy-MM-dd HH:mm:ss" → instant */
  const local = (s: string) => wallClockToInstant(parseWallClock(s)!, timeZone);

  interface EventSpec {
    key: "order_paid" | "page_view";
    at: Date;
    attrs?: { product?: string; amount?: number; deliveryDay?: string; paidAt?: string; url?: string };
  }

  async function customer(
    data: {
      name?: string;
      email?: string | null;
      crmId?: string | null;
      typeId?: number | null;
      dealFlagId?: number | null;
      sourceId?: number | null;
      stageId?: number | null;
      ownerId?: number | null;
      departmentId?: number | null;
      taskId?: number | null;
      score?: number;
      createdAt?: Date;
      updatedAt?: Date;
      deletedAt?: Date | null;
    } = {},
    extra: { phones?: string[]; labels?: number[]; fields?: Record<number, string>; groups?: number[]; events?: EventSpec[] } = {},
  ) {
    const c = await db.customer.create({ data: { tenantId, name: data.name ?? `c-${randomBytes(2).toString("hex")}`, ...data } });
    for (const number of extra.phones ?? []) await db.customerPhone.create({ data: { tenantId, customerId: c.id, number } });
    for (const labelId of extra.labels ?? []) await db.customerLabel.create({ data: { customerId: c.id, labelId } });
    for (const [fieldId, value] of Object.entries(extra.fields ?? {})) {
      const def = Object.values(fields).find((f) => f.id === Number(fieldId))!;
      await db.customFieldValue.create({
        data: {
          customerId: c.id,
          fieldId: Number(fieldId),
          value,
          numValue: def.type === "number" ? Number(value) : null,
          dateValue: def.type === "date" ? new Date(`${value}T00:00:00.000Z`) : null,
        },
      });
    }
    for (const groupId of extra.groups ?? []) await db.groupMember.create({ data: { tenantId, groupId, customerId: c.id } });
    for (const e of extra.events ?? []) await event(c.id, e);
    return c;
  }

  async function event(customerId: number, e: EventSpec) {
    const type = e.key === "order_paid" ? orderPaid : pageView;
    const ev = await db.customerEvent.create({
      data: { tenantId, customerId, eventTypeId: type.id, eventKey: e.key, eventName: type.name, happenTime: e.at },
    });
    const a = e.attrs ?? {};
    const rows = [
      a.product !== undefined && { attrKey: "product", type: "text", value: a.product },
      a.amount !== undefined && { attrKey: "amount", type: "value", value: String(a.amount), numValue: a.amount },
      a.deliveryDay !== undefined && {
        attrKey: "deliveryDay",
        type: "Date",
        value: a.deliveryDay,
        timeValue: wallClockToInstant(parseWallClock(a.deliveryDay, true)!, timeZone),
      },
      a.paidAt !== undefined && { attrKey: "paidAt", type: "DateTime", value: a.paidAt, timeValue: local(a.paidAt) },
      a.url !== undefined && { attrKey: "url", type: "text", value: a.url },
    ].filter((r): r is Exclude<typeof r, false> => Boolean(r));
    if (rows.length) {
      await db.customerEventAttribute.createMany({ data: rows.map((r) => ({ ...r, tenantId, eventTypeId: type.id, eventId: ev.id })) });
    }
    return ev;
  }

  return { tenantId, timeZone, options, stages, labels, departments, owners, tasks, fields, types, group, local, customer, event };
}

export type SegmentWorld = Awaited<ReturnType<typeof segmentWorld>>;
