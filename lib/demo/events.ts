import type { DbOrTx } from "@/lib/db/client";
import { insertAttributes, insertEvents, type NewAttributeRow, type NewEventRow } from "@/lib/customer-events/repository-writes";
import { formatTenantDay, formatTenantTime, parseTenantDate } from "@/lib/customer-events/time";
import type { DemoContext, JourneyStep, SeededCustomer } from "./context";
import { DAY_MS, type Random } from "./random";

const PAGES = [
  "https://www.demo-shop.cn/",
  "https://www.demo-shop.cn/products/air-purifier-x3",
  "https://www.demo-shop.cn/products/smart-kettle",
  "https://www.demo-shop.cn/products/robot-vacuum-s8",
  "https://www.demo-shop.cn/products/water-filter-pro",
  "https://www.demo-shop.cn/campaign/double-11",
  "https://www.demo-shop.cn/membership",
  "https://www.demo-shop.cn/blog/clean-air-guide",
  "https://www.demo-shop.cn/support/faq",
  "https://www.demo-shop.cn/cart",
];
const FORMS = ["预约试用", "下载产品白皮书", "门店活动报名", "在线咨询", "会员注册"];
const CHANNELS: [string, number][] = [["官网", 5], ["微信小程序", 6], ["APP", 3], ["天猫旗舰店", 4], ["京东自营店", 2]];

type Attr = Omit<NewAttributeRow, "eventId" | "tenantId" | "eventTypeId">;

function attributesOf(rnd: Random, ctx: DemoContext, step: JourneyStep, orderNo: () => string): { attrs: Attr[]; eventValue?: string } {
  const text = (attrKey: string, value: string): Attr => ({ attrKey, type: "text", value, numValue: null, timeValue: null });
  const num = (attrKey: string, n: number): Attr => ({ attrKey, type: "value", value: String(n), numValue: n, timeValue: null });
  switch (step.type.eventKey) {
    case "page_view":
      return { attrs: [text("url", rnd.pick(PAGES)), num("duration", rnd.weighted([[rnd.int(3, 30), 5], [rnd.int(30, 180), 4], [rnd.int(180, 900), 1]]))] };
    case "form_submit":
      return { attrs: [text("form", rnd.pick(FORMS))] };
    case "order_paid": {
      const amount = rnd.weighted([[rnd.int(39, 299), 5], [rnd.int(299, 1299), 4], [rnd.int(1299, 4999), 1]]) + rnd.pick([0, 0.5, 0.9]);
      const paidAt = formatTenantTime(step.at, ctx.timeZone);
      return {
        attrs: [text("orderNo", orderNo()), num("amount", amount), { attrKey: "paidAt", type: "DateTime", value: paidAt, numValue: null, timeValue: step.at }],
        eventValue: String(amount),
      };
    }
    case "membership_renewed": {
      const expiresOn = formatTenantDay(new Date(step.at.getTime() + 365 * DAY_MS), ctx.timeZone);
      return { attrs: [{ attrKey: "expiresOn", type: "Date", value: expiresOn, numValue: null, timeValue: parseTenantDate(expiresOn, ctx.timeZone) }] };
    }
    default:
      return { attrs: [] };
  }
}

/**
 * Writes every planned journey as customer events with their attributes, through the raw bulk
 * writes the ingestion path uses (the customers' stage and score were written to match).
 * Returns the number of events.
 */
export async function insertJourneys(tx: DbOrTx, ctx: DemoContext, customers: SeededCustomer[]): Promise<number> {
  const { rnd } = ctx;
  let orders = 0;
  const orderNo = () => `DD${formatTenantDay(ctx.now, ctx.timeZone).replaceAll("-", "")}${String(++orders).padStart(6, "0")}`;
  const steps = customers
    .flatMap((c) => c.journey.map((step) => ({ c, step })))
    .sort((a, b) => a.step.at.getTime() - b.step.at.getTime());
  const rows: NewEventRow[] = [];
  const attrs: Attr[][] = [];
  for (const { c, step } of steps) {
    const { attrs: a, eventValue } = attributesOf(rnd, ctx, step, orderNo);
    rows.push({
      tenantId: ctx.tenantId,
      customerId: c.id,
      eventTypeId: step.type.id,
      eventKey: step.type.eventKey,
      eventName: step.type.name,
      eventValue,
      happenTime: step.at,
      source: rnd.weighted(CHANNELS),
      province: c.place.province,
      city: c.place.city,
      district: c.place.district,
      recordedBy: ctx.recordedBy,
    });
    attrs.push(a);
  }
  const ids = await insertEvents(tx, rows, ctx.now);
  await insertAttributes(
    tx,
    ids.flatMap((eventId, i) =>
      eventId == null ? [] : attrs[i].map((a) => ({ ...a, tenantId: ctx.tenantId, eventTypeId: rows[i].eventTypeId, eventId })),
    ),
  );
  return rows.length;
}
