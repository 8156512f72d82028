import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";

/** Customer events are append-only in the database itself, whatever code path tries otherwise. */
async function recordOne() {
  const tenant = await makeTenant();
  const stage = await db.lifecycleStage.findFirstOrThrow({ where: { tenantId: tenant.id } });
  const type = await db.eventType.create({
    data: { tenantId: tenant.id, eventKey: "order_paid", name: "Order paid", stageId: stage.id },
  });
  const customer = await db.customer.create({ data: { tenantId: tenant.id, name: "Zhang San" } });
  const event = await db.customerEvent.create({
    data: {
      tenantId: tenant.id,
      customerId: customer.id,
      eventTypeId: type.id,
      eventKey: type.eventKey,
      eventName: type.name,
      happenTime: new Date("2026-01-02T03:04:05Z"),
      attributes: { create: [{ tenantId: tenant.id, eventTypeId: type.id, attrKey: "amount", type: "value", value: "12.5", numValue: 12.5 }] },
    },
    include: { attributes: true },
  });
  return { event, customer };
}

describe("customer events are immutable", () => {
  it("refuses UPDATE through the client and through raw SQL", async () => {
    const { event } = await recordOne();
    await expect(db.customerEvent.update({ where: { id: event.id }, data: { eventName: "changed" } })).rejects.toThrow(
      /immutable/,
    );
    await expect(
      db.$executeRawUnsafe(`UPDATE "CustomerEvent" SET "eventName" = 'changed' WHERE "id" = ${event.id}`),
    ).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRawUnsafe(`UPDATE "CustomerEventAttribute" SET "value" = '0' WHERE "eventId" = ${event.id}`),
    ).rejects.toThrow(/immutable/);
    const again = await db.customerEvent.findUniqueOrThrow({ where: { id: event.id }, include: { attributes: true } });
    expect(again.eventName).toBe("Order paid");
    expect(again.attributes[0].value).toBe("12.5");
  });

  it("refuses DELETE, also when the customer is deleted", async () => {
    const { event, customer } = await recordOne();
    await expect(db.customerEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "CustomerEvent" WHERE "id" = ${event.id}`)).rejects.toThrow(/immutable/);
    await expect(db.customer.delete({ where: { id: customer.id } })).rejects.toThrow();
    expect(await db.customerEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it("still accepts new events", async () => {
    const { event } = await recordOne();
    expect(event.id).toBeGreaterThan(0);
    expect(event.attributes).toHaveLength(1);
  });
});
