import { randomBytes } from "node:crypto";
import { issueToken } from "@/lib/access/api-keys";
import { db } from "@/lib/db/client";
import { makeApiKey, makeTenant } from "@/lib/test/factories";
import { createCustomerEventBody, parseBatchItem, type CreateCustomerEventBody } from "@/lib/openapi/events/customer-events";

/**
 * What the customer-event tests need, made directly with `db` (the customers and event-type
 * services are other engineers' work in progress): a tenant with two stages, an `order_paid` type
 * with one attribute of each kind, an archived type, and customers reachable by every identity.
 */
export async function eventWorld(opts: { timeZone?: string } = {}) {
  const tenant = await makeTenant();
  if (opts.timeZone) await db.tenant.update({ where: { id: tenant.id }, data: { timeZone: opts.timeZone } });
  const u = randomBytes(3).toString("hex");
  const paidStage = await db.lifecycleStage.create({ data: { tenantId: tenant.id, name: `paid-${u}`, sort: 90 } });
  const visitStage = await db.lifecycleStage.create({ data: { tenantId: tenant.id, name: `visit-${u}`, sort: 10 } });
  const orderPaid = await db.eventType.create({
    data: {
      tenantId: tenant.id,
      eventKey: "order_paid",
      name: "订单支付",
      rating: 10,
      stageId: paidStage.id,
      attributes: {
        create: [
          { attrKey: "product", attrName: "商品", type: "text", showInFlow: true },
          { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
          { attrKey: "deliveryDay", attrName: "送达日", type: "Date" },
          { attrKey: "paidAt", attrName: "支付时间", type: "DateTime" },
        ],
      },
    },
  });
  const pageView = await db.eventType.create({
    data: {
      tenantId: tenant.id,
      eventKey: "page_view",
      name: "浏览页面",
      rating: 1,
      stageId: visitStage.id,
      attributes: { create: [{ attrKey: "url", attrName: "页面", type: "text" }] },
    },
  });
  const plain = await db.eventType.create({ data: { tenantId: tenant.id, eventKey: "plain", name: "No effects" } });
  const archived = await db.eventType.create({
    data: { tenantId: tenant.id, eventKey: "old_event", name: "Old", archivedAt: new Date() },
  });
  const alice = await db.customer.create({
    data: { tenantId: tenant.id, name: "Alice", email: `alice-${u}@example.test`, crmId: `crm-${u}` },
  });
  await db.customerPhone.create({ data: { tenantId: tenant.id, customerId: alice.id, number: `138${u}1` } });
  await db.customerIdentity.create({ data: { tenantId: tenant.id, customerId: alice.id, type: "wechat", value: `wx-${u}` } });
  const bob = await db.customer.create({ data: { tenantId: tenant.id, name: "Bob" } });
  await db.customerPhone.create({ data: { tenantId: tenant.id, customerId: bob.id, number: `139${u}2` } });
  const gone = await db.customer.create({ data: { tenantId: tenant.id, name: "Gone", deletedAt: new Date() } });
  return {
    tenant: await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } }),
    stages: { paid: paidStage, visit: visitStage },
    types: { orderPaid, pageView, plain, archived },
    alice: { ...alice, phone: `138${u}1`, wechat: `wx-${u}` },
    bob: { ...bob, phone: `139${u}2` },
    gone,
  };
}

export type EventWorld = Awaited<ReturnType<typeof eventWorld>>;

/** An events-dialect token of a key with the given scopes. */
export async function tokenFor(tenantId: number, scopes = "customers:read,customers:write") {
  const key = await makeApiKey(tenantId, scopes);
  return (await issueToken(key.appKey, key.secret)).token;
}

export function post(path: string, token: string | null, body: unknown): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (token) headers.set("token", token);
  return new Request(`http://localhost/openapi/customer-event/${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const API = { type: "apikey" as const, id: 7 };
export const parse = (body: CreateCustomerEventBody) => createCustomerEventBody.parse(body);
/** The body the console's record dialog posts, parsed as its route parses it. */
export const parseRecordBody = (body: Record<string, unknown>) => createCustomerEventBody.parse(body);
/** `batchCreate` items as the route hands them to recordEvents: parsed one by one, failures in place. */
export const batch = (items: readonly unknown[]) => items.map(parseBatchItem);
/** An `order_paid` event of this customer (rating 10, moves to the "paid" stage). */
export const paid = (customerId: number, extra: Partial<CreateCustomerEventBody> = {}) =>
  parse({ customerId, event: "order_paid", eventName: "支付", happenTime: "2026-03-01 12:00:00", ...extra });
export const eventsOf = (customerId: number) =>
  db.customerEvent.findMany({ where: { customerId }, include: { attributes: true }, orderBy: { id: "asc" } });
export const customer = (id: number) => db.customer.findUniqueOrThrow({ where: { id }, select: { stageId: true, score: true } });
