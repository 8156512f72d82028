import { describe, expect, it } from "vitest";
import { findCustomerIdByIdentity } from "@/lib/customers/identity";
import { db } from "@/lib/db/client";
import { findCustomerEvents, identityKey, resolveIdentities } from "./repository";
import { insertEvents, type NewEventRow } from "./repository-writes";
import { createCustomerEventBody } from "@/lib/openapi/events/customer-events";
import { recordEvent } from "./service";
import { eventWorld } from "@/lib/test/customer-events";

describe("bulk identity resolution", () => {
  it("finds exactly the customers lib/customers/identity.ts finds, for every identity type", async () => {
    const w = await eventWorld();
    const gonePhone = `150${w.gone.id}`;
    await db.customerPhone.create({ data: { tenantId: w.tenant.id, customerId: w.gone.id, number: gonePhone } });
    const digests = await db.customer.update({
      where: { id: w.bob.id },
      data: { emailMd5: "0123456789abcdef0123456789abcdef", emailSha256: "f".repeat(64) },
    });
    const refs = [
      { type: "phone", value: w.alice.phone },
      { type: "phone", value: `${w.alice.phone.slice(0, 3)} ${w.alice.phone.slice(3)}` },
      { type: "cellphone", value: w.bob.phone },
      { type: "phone", value: gonePhone },
      { type: "phone", value: "404" },
      { type: "email", value: ` ${w.alice.email!.toUpperCase()} ` },
      { type: "email", value: "nobody@example.test" },
      { type: "emailMd5", value: digests.emailMd5!.toUpperCase() },
      { type: "emailSha256", value: digests.emailSha256! },
      { type: "crmId", value: w.alice.crmId! },
      { type: "crmId", value: w.alice.crmId!.toUpperCase() },
      { type: "wechat", value: w.alice.wechat },
      { type: "wechat", value: "unknown" },
      { type: "qq", value: w.alice.wechat },
      { type: "id", value: String(w.bob.id) },
      { type: "id", value: String(w.gone.id) },
      { type: "id", value: "12x" },
    ];
    const bulk = await resolveIdentities(w.tenant.id, refs);
    for (const r of refs) {
      const one = await findCustomerIdByIdentity(db, w.tenant.id, r.type, r.value);
      expect(bulk.get(identityKey(r.type, r.value)) ?? null, `${r.type} ${r.value}`).toBe(one);
    }
    expect(bulk.get(identityKey("phone", w.alice.phone))).toBe(w.alice.id);
    expect(bulk.get(identityKey("emailMd5", digests.emailMd5!.toUpperCase()))).toBe(w.bob.id);
  });

  it("finds a phone whichever way it was written: the console's E.164 and the API's national form", async () => {
    const w = await eventWorld();
    // one customer's phone stored as the console stores it, another's as the customers API does
    await db.customerPhone.create({ data: { tenantId: w.tenant.id, customerId: w.alice.id, number: "+8613700137000" } });
    await db.customerPhone.create({ data: { tenantId: w.tenant.id, customerId: w.bob.id, number: "13600136000" } });
    const refs = [
      { type: "phone", value: "13700137000" },
      { type: "phone", value: "+86 137 0013 7000" },
      { type: "phone", value: "+8613600136000" },
      { type: "phone", value: "13600136000" },
    ];
    const bulk = await resolveIdentities(w.tenant.id, refs);
    const expected = [w.alice.id, w.alice.id, w.bob.id, w.bob.id];
    for (const [i, r] of refs.entries()) {
      expect(await findCustomerIdByIdentity(db, w.tenant.id, r.type, r.value), r.value).toBe(expected[i]);
      expect(bulk.get(identityKey(r.type, r.value)), r.value).toBe(expected[i]);
    }
  });

  it("prefers the phone as written when another customer holds an equivalent form", async () => {
    const w = await eventWorld();
    await db.customerPhone.create({ data: { tenantId: w.tenant.id, customerId: w.alice.id, number: "+8613500135000" } });
    await db.customerPhone.create({ data: { tenantId: w.tenant.id, customerId: w.bob.id, number: "13500135000" } });
    for (const [value, owner] of [["13500135000", w.bob.id], ["+8613500135000", w.alice.id]] as const) {
      expect(await findCustomerIdByIdentity(db, w.tenant.id, "phone", value)).toBe(owner);
      expect((await resolveIdentities(w.tenant.id, [{ type: "phone", value }])).get(identityKey("phone", value))).toBe(owner);
    }
  });
});

describe("raw multi-row writes", () => {
  it("gives each row its id and skips a key the tenant already has", async () => {
    const w = await eventWorld();
    const base: NewEventRow = {
      tenantId: w.tenant.id,
      customerId: w.alice.id,
      eventTypeId: w.types.plain.id,
      eventKey: "plain",
      eventName: "n",
      happenTime: new Date("2026-01-01T00:00:00Z"),
      recordedBy: null,
    };
    const [existing] = await insertEvents(db, [{ ...base, idempotencyKey: "k1", eventName: "first" }], new Date());
    const rows: NewEventRow[] = [
      { ...base, eventName: "a" },
      { ...base, eventName: "b", idempotencyKey: "k1" },
      { ...base, eventName: "c", idempotencyKey: "k2" },
      { ...base, eventName: "d" },
    ];
    const ids = await insertEvents(db, rows, new Date());
    expect(ids[1]).toBeNull();
    for (const [i, id] of ids.entries()) {
      if (id == null) continue;
      expect((await db.customerEvent.findUniqueOrThrow({ where: { id } })).eventName).toBe(rows[i].eventName);
    }
    expect(await db.customerEvent.count({ where: { tenantId: w.tenant.id, idempotencyKey: "k1" } })).toBe(1);
    expect(existing).not.toBeNull();
  });

  it("stores instants as Prisma does, so Prisma's own range queries and reads agree", async () => {
    const w = await eventWorld();
    const input = createCustomerEventBody.parse({
      customerId: w.alice.id,
      event: "order_paid",
      happenTime: "2026-05-01 08:00:00",
      scheduledTime: "2099-05-01 08:00:00",
      attrValueList: [{ attrKey: "paidAt", attrValue: "2026-05-01 07:59:00" }],
    });
    const { eventId } = await recordEvent(w.tenant.id, input, { type: "system", id: null });
    // written by Prisma, for comparison
    const viaPrisma = await db.customerEvent.create({
      data: {
        tenantId: w.tenant.id,
        customerId: w.alice.id,
        eventTypeId: w.types.plain.id,
        eventKey: "plain",
        eventName: "p",
        happenTime: new Date("2026-05-01T00:00:01Z"),
      },
    });
    const inRange = await db.customerEvent.findMany({
      where: { tenantId: w.tenant.id, happenTime: { gte: new Date("2026-05-01T00:00:00Z"), lt: new Date("2026-05-01T00:00:02Z") } },
      orderBy: { happenTime: "asc" },
      select: { id: true },
    });
    expect(inRange.map((e) => Number(e.id))).toEqual([eventId, Number(viaPrisma.id)]);
    const row = await db.customerEvent.findUniqueOrThrow({ where: { id: eventId }, include: { attributes: true } });
    expect(row.scheduledTime?.toISOString()).toBe("2099-05-01T00:00:00.000Z");
    expect(row.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row.recordedBy).toBe("system");
    expect(row.attributes[0].timeValue?.toISOString()).toBe("2026-04-30T23:59:00.000Z");
    const customer = await db.customer.findUniqueOrThrow({ where: { id: w.alice.id } });
    expect(customer.updatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // and the raw reader sees both, newest first
    const read = await findCustomerEvents({ tenantId: w.tenant.id, customerId: w.alice.id }, { offset: 0, limit: 10 });
    expect(read.map((e) => e.id)).toEqual([Number(viaPrisma.id), eventId]);
    expect(read[1].happenTime.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(read[1].attributes.map((a) => [a.attrKey, a.timeValue?.toISOString()])).toEqual([["paidAt", "2026-04-30T23:59:00.000Z"]]);
  });
});
