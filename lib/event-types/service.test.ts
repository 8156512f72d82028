import { describe, expect, it } from "vitest";
import { actorOfApiKey, SYSTEM_ACTOR } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { listStages } from "@/lib/stages/service";
import { makeTenant } from "@/lib/test/factories";
import type { CreateEventTypeInput } from "./schemas";
import {
  archiveEventType,
  createEventType,
  getEventType,
  listEventTypeFlows,
  listEventTypes,
  restoreEventType,
  updateEventType,
} from "./service";

const actor = SYSTEM_ACTOR;

async function setup() {
  const tenant = await makeTenant();
  const stages = await listStages(tenant.id);
  const base = (over: Partial<CreateEventTypeInput> = {}): CreateEventTypeInput => ({
    eventKey: "order_paid",
    name: "订单支付",
    isInteract: false,
    rating: 20,
    stageId: stages[2].id,
    attributes: [
      { attrKey: "orderNo", attrName: "订单号", type: "text", showInFlow: true },
      { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
    ],
    ...over,
  });
  return { tenant, stages, base };
}

/** A recorded event of `eventTypeId` carrying `attrKey` (written as the events slice would). */
async function recordEvent(tenantId: number, eventTypeId: number, attrKey: string, type: string, value: string) {
  const customer = await db.customer.create({ data: { tenantId, name: "王五" } });
  await db.customerEvent.create({
    data: {
      tenantId,
      customerId: customer.id,
      eventTypeId,
      eventKey: "k",
      eventName: "n",
      happenTime: new Date(),
      attributes: { create: [{ tenantId, eventTypeId, attrKey, type, value, numValue: type === "value" ? Number(value) : null }] },
    },
  });
}

describe("creating event types", () => {
  it("stores the type with its stage, category and attributes in order", async () => {
    const { tenant, stages, base } = await setup();
    const created = await createEventType(tenant.id, base({ categoryCode: "trade" }), actor);
    expect(created).toMatchObject({
      eventKey: "order_paid",
      name: "订单支付",
      isInteract: false,
      rating: 20,
      stageId: stages[2].id,
      stage: { id: stages[2].id, name: "成交客户" },
      categoryCode: "trade",
      category: { code: "trade", name: "交易行为" },
      archived: false,
      archivedAt: null,
      attributes: [
        { attrKey: "orderNo", attrName: "订单号", type: "text", showInFlow: true },
        { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
      ],
    });
    expect(await getEventType(tenant.id, { eventKey: "order_paid" })).toEqual(created);
  });

  it("accepts attribute types in any case and stores them exactly as the seed writes them", async () => {
    const { tenant, base } = await setup();
    const created = await createEventType(
      tenant.id,
      base({
        attributes: [
          { attrKey: "a", attrName: "A", type: "TEXT", showInFlow: false },
          { attrKey: "b", attrName: "B", type: "Value", showInFlow: false },
          { attrKey: "c", attrName: "C", type: "date", showInFlow: false },
          { attrKey: "d", attrName: "D", type: "DATETIME", showInFlow: false },
        ],
      }),
      actor,
    );
    expect(created.attributes.map((a) => a.type)).toEqual(["text", "value", "Date", "DateTime"]);
    const stored = await db.eventAttribute.findMany({ where: { eventTypeId: created.id }, orderBy: { sort: "asc" } });
    expect(stored.map((a) => a.type)).toEqual(["text", "value", "Date", "DateTime"]);
  });

  it("rejects an unknown attribute type, a duplicate attribute key and a fractional rating, naming the field", async () => {
    const { tenant, base } = await setup();
    await expect(
      createEventType(tenant.id, base({ attributes: [{ attrKey: "a", attrName: "A", type: "number", showInFlow: true }] }), actor),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["attributes", 0, "type"] })] });
    await expect(
      createEventType(
        tenant.id,
        base({
          attributes: [
            { attrKey: "a", attrName: "A", type: "text", showInFlow: true },
            { attrKey: "a", attrName: "A again", type: "text", showInFlow: true },
          ],
        }),
        actor,
      ),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["attributes", 1, "attrKey"] })] });
    await expect(createEventType(tenant.id, base({ rating: 1.5 }), actor)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["rating"] })],
    });
    await expect(createEventType(tenant.id, base({ eventKey: "1st-order" }), actor)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["eventKey"] })],
    });
    expect(await db.eventType.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("keeps eventKey unique per tenant, archived types included (409)", async () => {
    const { tenant, base } = await setup();
    await createEventType(tenant.id, base(), actor);
    await expect(createEventType(tenant.id, base({ name: "again" }), actor)).rejects.toMatchObject({
      kind: "conflict",
      message: 'eventKey "order_paid" already exists',
    });
    await archiveEventType(tenant.id, { eventKey: "order_paid" }, actor);
    await expect(createEventType(tenant.id, base(), actor)).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("archived"),
    });
  });

  it("requires a stage of the tenant (400 naming stageId) and an existing category; writes nothing otherwise", async () => {
    const { tenant, base } = await setup();
    const other = await makeTenant();
    const [foreign] = await listStages(other.id);
    await expect(createEventType(tenant.id, base({ stageId: foreign.id }), actor)).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/^stageId: no stage \d+ in this tenant/),
      details: [{ path: "stageId" }],
    });
    await expect(createEventType(tenant.id, base({ stageId: 999_999 }), actor)).rejects.toMatchObject({ kind: "invalid" });
    await expect(createEventType(tenant.id, base({ categoryCode: "nope" }), actor)).rejects.toMatchObject({
      kind: "invalid",
      details: [{ path: "categoryCode" }],
    });
    expect(await db.eventType.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("writes an audit row with the API key as actor in the same transaction", async () => {
    const { tenant, base } = await setup();
    const created = await createEventType(tenant.id, base(), actorOfApiKey({ apiKeyId: 7, apiKeyName: "crm-sync" }));
    const log = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(log).toMatchObject({ actorType: "apikey", actorId: 7, actorName: "crm-sync", action: "event_type.create", entityId: String(created.id) });
  });
});

describe("updating event types", () => {
  it("changes the given fields only, replaces attributes when given, and moves the stage", async () => {
    const { tenant, stages, base } = await setup();
    await createEventType(tenant.id, base(), actor);
    const updated = await updateEventType(
      tenant.id,
      { eventKey: "order_paid" },
      { name: "订单已支付", stageId: stages[3].id, attributes: [{ attrKey: "coupon", attrName: "优惠券", type: "text", showInFlow: false }] },
      actor,
    );
    expect(updated).toMatchObject({
      name: "订单已支付",
      rating: 20,
      isInteract: false,
      stage: { name: "复购客户" },
      attributes: [{ attrKey: "coupon", attrName: "优惠券", type: "text", showInFlow: false }],
    });
    const kept = await updateEventType(tenant.id, { id: updated.id }, { rating: null }, actor);
    expect(kept.attributes).toHaveLength(1);
    expect(kept.rating).toBeNull();
  });

  it("answers 404 for an unknown key and refuses to rename the key", async () => {
    const { tenant, base } = await setup();
    const created = await createEventType(tenant.id, base(), actor);
    await expect(updateEventType(tenant.id, { eventKey: "nope" }, { name: "x" }, actor)).rejects.toMatchObject({ kind: "not_found" });
    await expect(updateEventType(tenant.id, { id: created.id }, { eventKey: "renamed" }, actor)).rejects.toMatchObject({
      kind: "invalid",
      details: [{ path: "eventKey" }],
    });
    // sending the same key back (as the console form does) is fine
    await expect(updateEventType(tenant.id, { id: created.id }, { eventKey: "order_paid", name: "y" }, actor)).resolves.toMatchObject({ name: "y" });
  });

  it("lets an attribute change type until events carry it; then 409, and nothing is changed", async () => {
    const { tenant, base } = await setup();
    const created = await createEventType(tenant.id, base(), actor);
    const retyped = await updateEventType(
      tenant.id,
      { id: created.id },
      { attributes: [{ attrKey: "orderNo", attrName: "订单号", type: "value", showInFlow: true }, created.attributes[1]] },
      actor,
    );
    expect(retyped.attributes[0].type).toBe("value");

    await recordEvent(tenant.id, created.id, "amount", "value", "99.5");
    await expect(
      updateEventType(
        tenant.id,
        { id: created.id },
        { name: "changed", attributes: [retyped.attributes[0], { attrKey: "amount", attrName: "金额", type: "text", showInFlow: true }] },
        actor,
      ),
    ).rejects.toMatchObject({ kind: "conflict", details: [{ path: "attributes.1.type" }], message: expect.stringContaining('"amount"') });
    expect(await getEventType(tenant.id, { id: created.id })).toMatchObject({ name: "订单支付", attributes: retyped.attributes });

    // same type in another case is no change; dropping the attribute is allowed (recorded values stay)
    await expect(
      updateEventType(tenant.id, { id: created.id }, { attributes: [{ attrKey: "amount", attrName: "金额", type: "VALUE", showInFlow: false }] }, actor),
    ).resolves.toMatchObject({ attributes: [{ attrKey: "amount", type: "value", showInFlow: false }] });
    const dropped = await updateEventType(tenant.id, { id: created.id }, { attributes: [] }, actor);
    expect(dropped.attributes).toEqual([]);
    expect(await db.customerEventAttribute.count({ where: { attrKey: "amount" } })).toBe(1);
  });
});

describe("archiving", () => {
  it("removes the type from lists and flows, keeps it readable, refuses new events and updates, and can be undone", async () => {
    const { tenant, base } = await setup();
    const created = await createEventType(tenant.id, base(), actor);
    const archived = await archiveEventType(tenant.id, { eventKey: "order_paid" }, actor);
    expect(archived).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    expect(await listEventTypes(tenant.id)).toEqual([]);
    expect(await listEventTypeFlows(tenant.id)).toEqual([]);
    expect((await listEventTypes(tenant.id, { includeArchived: true })).map((t) => t.eventKey)).toEqual(["order_paid"]);
    expect(await getEventType(tenant.id, { id: created.id })).toMatchObject({ archived: true });
    await expect(updateEventType(tenant.id, { eventKey: "order_paid" }, { name: "x" }, actor)).rejects.toMatchObject({ kind: "conflict" });

    // archiving again is a no-op, not a second audit entry
    await archiveEventType(tenant.id, { eventKey: "order_paid" }, actor);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "event_type.archive" } })).toBe(1);

    await restoreEventType(tenant.id, { id: created.id }, actor);
    expect((await listEventTypes(tenant.id)).map((t) => t.eventKey)).toEqual(["order_paid"]);
  });

  it("keeps recorded events pointing at an archived type", async () => {
    const { tenant, base } = await setup();
    const created = await createEventType(tenant.id, base(), actor);
    await recordEvent(tenant.id, created.id, "amount", "value", "1");
    await archiveEventType(tenant.id, { id: created.id }, actor);
    expect(await db.customerEvent.count({ where: { eventTypeId: created.id } })).toBe(1);
  });

  it("answers 404 for an unknown key", async () => {
    const { tenant } = await setup();
    await expect(archiveEventType(tenant.id, { eventKey: "ghost" }, actor)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("listing and searching", () => {
  it("matches name or eventKey, case-insensitively, in creation order", async () => {
    const { tenant, base } = await setup();
    await createEventType(tenant.id, base({ eventKey: "Order_Paid", name: "订单支付" }), actor);
    await createEventType(tenant.id, base({ eventKey: "page_view", name: "浏览页面", attributes: [] }), actor);
    await createEventType(tenant.id, base({ eventKey: "refund", name: "订单退款", attributes: [] }), actor);
    const keys = async (search?: string) => (await listEventTypes(tenant.id, { search })).map((t) => t.eventKey);
    expect(await keys()).toEqual(["Order_Paid", "page_view", "refund"]);
    expect(await keys("order")).toEqual(["Order_Paid"]);
    expect(await keys("订单")).toEqual(["Order_Paid", "refund"]);
    expect(await keys("VIEW")).toEqual(["page_view"]);
    expect(await keys("nothing")).toEqual([]);
  });
});

describe("flows grouping", () => {
  it("groups live types by category order, ungrouped last, with only showInFlow attributes", async () => {
    const { tenant, base } = await setup();
    await createEventType(
      tenant.id,
      base({
        eventKey: "form_submit",
        name: "提交表单",
        categoryCode: "interact",
        attributes: [
          { attrKey: "form", attrName: "表单", type: "text", showInFlow: true },
          { attrKey: "ip", attrName: "IP", type: "text", showInFlow: false },
        ],
      }),
      actor,
    );
    await createEventType(tenant.id, base({ eventKey: "renewed", name: "续费", categoryCode: null, attributes: [] }), actor);
    await createEventType(
      tenant.id,
      base({
        eventKey: "paid",
        name: "支付",
        categoryCode: "trade",
        attributes: [
          { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
          { attrKey: "at", attrName: "时间", type: "datetime", showInFlow: true },
        ],
      }),
      actor,
    );
    await createEventType(tenant.id, base({ eventKey: "old", name: "旧", categoryCode: "trade" }), actor);
    await archiveEventType(tenant.id, { eventKey: "old" }, actor);

    expect(await listEventTypeFlows(tenant.id)).toEqual([
      {
        category: expect.objectContaining({ code: "trade", name: "交易行为" }),
        eventTypes: [
          {
            eventKey: "paid",
            name: "支付",
            attributes: [
              { attrKey: "amount", attrName: "金额", type: "value" },
              { attrKey: "at", attrName: "时间", type: "DateTime" },
            ],
          },
        ],
      },
      {
        category: expect.objectContaining({ code: "interact" }),
        eventTypes: [{ eventKey: "form_submit", name: "提交表单", attributes: [{ attrKey: "form", attrName: "表单", type: "text" }] }],
      },
      { category: null, eventTypes: [{ eventKey: "renewed", name: "续费", attributes: [] }] },
    ]);
  });
});

describe("tenant isolation", () => {
  it("one tenant sees nothing of another's types and may reuse its keys", async () => {
    const a = await setup();
    const b = await setup();
    const ofA = await createEventType(a.tenant.id, a.base(), actor);
    expect(await listEventTypes(b.tenant.id, { includeArchived: true })).toEqual([]);
    expect(await listEventTypeFlows(b.tenant.id)).toEqual([]);
    await expect(getEventType(b.tenant.id, { id: ofA.id })).rejects.toMatchObject({ kind: "not_found" });
    await expect(getEventType(b.tenant.id, { eventKey: "order_paid" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(updateEventType(b.tenant.id, { id: ofA.id }, { name: "x" }, actor)).rejects.toMatchObject({ kind: "not_found" });
    await expect(archiveEventType(b.tenant.id, { id: ofA.id }, actor)).rejects.toMatchObject({ kind: "not_found" });
    await expect(createEventType(b.tenant.id, b.base(), actor)).resolves.toMatchObject({ eventKey: "order_paid" });
    expect((await getEventType(a.tenant.id, { id: ofA.id })).archived).toBe(false);
  });
});
