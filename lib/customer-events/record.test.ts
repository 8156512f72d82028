import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingest } from "./ingest";
import { createCustomerEventBody, type CreateCustomerEventBody } from "@/lib/openapi/events/customer-events";
import { recordEvent, recordEvents } from "./service";
import { currentProvider } from "@/lib/db/sql";
import { API, batch, customer, eventsOf, eventWorld, paid, parse, type EventWorld } from "@/lib/test/customer-events";

describe("recording an event", () => {
  it("stores the event with its context fields and who recorded it", async () => {
    const w = await eventWorld();
    const { eventId, duplicate } = await recordEvent(
      w.tenant.id,
      paid(w.alice.id, {
        eventValue: 99,
        source: "taobao",
        source3: "app",
        source8: "s8",
        province: "安徽省",
        city: "合肥市",
        district: "蜀山区",
        latitude: "31.82",
        longitude: 117.22,
      } as Partial<CreateCustomerEventBody>),
      API,
    );
    expect(duplicate).toBe(false);
    const row = await db.customerEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(row).toMatchObject({
      tenantId: w.tenant.id,
      customerId: w.alice.id,
      eventTypeId: w.types.orderPaid.id,
      eventKey: "order_paid",
      eventName: "支付",
      eventValue: "99",
      source: "taobao",
      source3: "app",
      source8: "s8",
      province: "安徽省",
      city: "合肥市",
      district: "蜀山区",
      latitude: "31.82",
      longitude: "117.22",
      recordedBy: "apikey:7",
    });
    expect(row.happenTime.toISOString()).toBe("2026-03-01T04:00:00.000Z");
  });

  it("defaults eventName to the type's name", async () => {
    const w = await eventWorld();
    const { eventId } = await recordEvent(w.tenant.id, parse({ customerId: w.bob.id, event: "plain", happenTime: "2026-03-01 12:00:00" }), API);
    expect((await db.customerEvent.findUniqueOrThrow({ where: { id: eventId } })).eventName).toBe("No effects");
  });
});

describe("customer lookup", () => {
  it("prefers customerId over identityType + identityValue", async () => {
    const w = await eventWorld();
    await recordEvent(w.tenant.id, paid(w.bob.id, { identityType: "phone", identityValue: w.alice.phone }), API);
    expect(await eventsOf(w.bob.id)).toHaveLength(1);
    expect(await eventsOf(w.alice.id)).toHaveLength(0);
  });

  it("finds the customer by phone, email, crmId, a custom identity and id", async () => {
    const w = await eventWorld();
    const refs: [string, string][] = [
      ["phone", ` ${w.alice.phone.slice(0, 3)}-${w.alice.phone.slice(3)} `],
      ["email", w.alice.email!.toUpperCase()],
      ["crmId", w.alice.crmId!],
      ["wechat", w.alice.wechat],
      ["id", String(w.alice.id)],
    ];
    for (const [identityType, identityValue] of refs) {
      await recordEvent(w.tenant.id, parse({ identityType, identityValue, event: "plain", happenTime: "2026-03-01 12:00:00" }), API);
    }
    expect(await eventsOf(w.alice.id)).toHaveLength(refs.length);
  });

  it("answers not found for an unknown or deleted customer, and invalid without any reference", async () => {
    const w = await eventWorld();
    await expect(recordEvent(w.tenant.id, paid(999_999), API)).rejects.toMatchObject({ kind: "not_found", message: "customer 999999 not found" });
    await expect(recordEvent(w.tenant.id, paid(w.gone.id), API)).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      recordEvent(w.tenant.id, parse({ identityType: "phone", identityValue: "000", event: "plain", happenTime: "2026-03-01 12:00:00" }), API),
    ).rejects.toMatchObject({ kind: "not_found", message: 'no customer with phone "000"' });
    expect(createCustomerEventBody.safeParse({ event: "plain", happenTime: "2026-03-01 12:00:00" }).success).toBe(false);
    expect(createCustomerEventBody.safeParse({ identityType: "phone", event: "plain", happenTime: "2026-03-01 12:00:00" }).success).toBe(false);
  });
});

describe("event type and attributes", () => {
  it("refuses an unknown and an archived event type, naming it", async () => {
    const w = await eventWorld();
    await expect(recordEvent(w.tenant.id, paid(w.alice.id, { event: "nope" }), API)).rejects.toMatchObject({
      kind: "not_found",
      message: 'event type "nope" not found',
    });
    await expect(recordEvent(w.tenant.id, paid(w.alice.id, { event: "old_event" }), API)).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringContaining('event type "old_event" is archived'),
    });
    expect(await eventsOf(w.alice.id)).toHaveLength(0);
  });

  it("stores typed values for value, Date and DateTime attributes (types in any case)", async () => {
    const w = await eventWorld();
    const { eventId } = await recordEvent(
      w.tenant.id,
      paid(w.alice.id, {
        attrValueList: [
          { attrKey: "product", attrValue: " 手机 ", type: "TEXT" },
          { attrKey: "amount", attrValue: "1299.50", type: "Value" },
          { attrKey: "deliveryDay", attrValue: "2026-03-05", type: "date" },
          { attrKey: "paidAt", attrValue: "2026-03-01 11:59:30" },
        ],
      }),
      API,
    );
    const attrs = await db.customerEventAttribute.findMany({ where: { eventId }, orderBy: { id: "asc" } });
    expect(attrs.map((a) => [a.attrKey, a.type, a.value, a.numValue, a.timeValue?.toISOString() ?? null])).toEqual([
      ["product", "text", " 手机 ", null, null],
      ["amount", "value", "1299.50", 1299.5, null],
      ["deliveryDay", "Date", "2026-03-05", null, "2026-03-04T16:00:00.000Z"],
      ["paidAt", "DateTime", "2026-03-01 11:59:30", null, "2026-03-01T03:59:30.000Z"],
    ]);
  });

  const cases: [string, { attrKey: string; attrValue: string; type?: string }, RegExp][] = [
    ["an unknown attribute", { attrKey: "color", attrValue: "red", type: "text" }, /"color" is not defined for event type "order_paid"/],
    ["a type other than the declared one", { attrKey: "amount", attrValue: "12", type: "text" }, /"amount" is of type value, not text/],
    ["a type that does not exist", { attrKey: "amount", attrValue: "12", type: "money" }, /"amount": type "money" is not one of/],
    ["a value that is not a number", { attrKey: "amount", attrValue: "12abc", type: "value" }, /"amount": "12abc" is not a number/],
    ["an empty number", { attrKey: "amount", attrValue: " ", type: "value" }, /"amount": " " is not a number/],
    ["a Date that does not exist", { attrKey: "deliveryDay", attrValue: "2026-02-30", type: "Date" }, /"deliveryDay": "2026-02-30" is not a Date/],
    ["a Date with a time", { attrKey: "deliveryDay", attrValue: "2026-02-03 10:00:00", type: "Date" }, /"deliveryDay".*is not a Date/],
    ["a DateTime in ISO form", { attrKey: "paidAt", attrValue: "2026-03-01T11:59:30", type: "DateTime" }, /"paidAt".*is not a DateTime \(yyyy-MM-dd HH:mm:ss\)/],
  ];
  it.each(cases)("refuses %s, naming the attribute, and writes nothing", async (_label, attr, message) => {
    const w = await eventWorld();
    const before = await customer(w.alice.id);
    const attempt = recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: [{ attrKey: "product", attrValue: "ok", type: "text" }, attr] }), API);
    await expect(attempt).rejects.toMatchObject({ kind: "invalid", message: expect.stringMatching(message) });
    expect(await eventsOf(w.alice.id)).toHaveLength(0);
    expect(await db.customerEventAttribute.count({ where: { event: { customerId: w.alice.id } } })).toBe(0);
    expect(await customer(w.alice.id)).toEqual(before);
  });

  it("refuses an attribute given twice and a malformed happenTime", async () => {
    const w = await eventWorld();
    const twice = [
      { attrKey: "amount", attrValue: "1", type: "value" },
      { attrKey: "amount", attrValue: "2", type: "value" },
    ];
    await expect(recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: twice }), API)).rejects.toMatchObject({
      message: expect.stringContaining('"amount" is given more than once'),
    });
    const bad = createCustomerEventBody.safeParse({ customerId: w.alice.id, event: "order_paid", happenTime: "2026-02-30 10:00:00" });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain("happenTime");
  });
});

describe("effects on the customer", () => {
  it("moves the customer to the type's stage and adds its rating to the score", async () => {
    const w = await eventWorld();
    await recordEvent(w.tenant.id, paid(w.alice.id), API);
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.paid.id, score: 10 });
    await recordEvent(w.tenant.id, parse({ customerId: w.alice.id, event: "page_view", happenTime: "2026-03-02 12:00:00" }), API);
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.visit.id, score: 11 });
    await recordEvent(w.tenant.id, parse({ customerId: w.alice.id, event: "plain", happenTime: "2026-03-03 12:00:00" }), API);
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.visit.id, score: 11 });
  });

  it("applies every event of a batch in order: scores add up, the last stage wins", async () => {
    const w = await eventWorld();
    const results = await recordEvents(
      w.tenant.id,
      batch([
        { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-01 10:00:00" },
        { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 11:00:00" },
        { customerId: w.bob.id, event: "order_paid", happenTime: "2026-03-01 11:00:00" },
        { customerId: w.bob.id, event: "page_view", happenTime: "2026-03-01 12:00:00" },
      ]),
      API,
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.paid.id, score: 11 });
    expect(await customer(w.bob.id)).toEqual({ stageId: w.stages.visit.id, score: 11 });
  });

  it("changes a customer's row, and its updatedAt, only when its stage or score changes", async () => {
    const w = await eventWorld();
    const still = await db.eventType.create({ data: { tenantId: w.tenant.id, eventKey: "still", name: "Stage only", stageId: w.stages.paid.id } });
    const updatedAt = async (id: number) => (await db.customer.findUniqueOrThrow({ where: { id } })).updatedAt.getTime();
    const at = (h: number) => `2026-03-01 ${String(h).padStart(2, "0")}:00:00`;

    // Alice reaches the paid stage, then a type that would put her there again changes nothing.
    await recordEvent(w.tenant.id, paid(w.alice.id), API);
    const reached = await updatedAt(w.alice.id);
    await new Promise((r) => setTimeout(r, 5));
    await recordEvent(w.tenant.id, parse({ customerId: w.alice.id, event: still.eventKey, happenTime: at(11) }), API);
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.paid.id, score: 10 });
    expect(await updatedAt(w.alice.id)).toBe(reached);

    // A batch whose last stage is the one she has: the stage stays, the scores add up, updatedAt moves.
    await recordEvents(
      w.tenant.id,
      batch([
        { customerId: w.alice.id, event: "page_view", happenTime: at(12) },
        { customerId: w.alice.id, event: "order_paid", happenTime: at(13) },
        // Bob, without a stage, gets one from a type that only sets stages
        { customerId: w.bob.id, event: still.eventKey, happenTime: at(12) },
      ]),
      API,
    );
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.paid.id, score: 21 });
    expect(await updatedAt(w.alice.id)).toBeGreaterThan(reached);
    expect(await customer(w.bob.id)).toEqual({ stageId: w.stages.paid.id, score: 0 });
  });

  it("writes the event, the stage and the score in one transaction", async () => {
    const w = await eventWorld();
    const pg = currentProvider() === "postgresql";
    // Make any UPDATE of Alice's row fail, as a crash between the statements would.
    const ddl = pg
      ? [
          `CREATE FUNCTION ce_fail_${w.alice.id}() RETURNS trigger AS $$ BEGIN IF OLD."id" = ${w.alice.id} THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER ce_fail_${w.alice.id} BEFORE UPDATE ON "Customer" FOR EACH ROW EXECUTE FUNCTION ce_fail_${w.alice.id}()`,
        ]
      : [`CREATE TRIGGER ce_fail_${w.alice.id} BEFORE UPDATE ON "Customer" WHEN OLD."id" = ${w.alice.id} BEGIN SELECT RAISE(ABORT, 'boom'); END`];
    for (const sql of ddl) await db.$executeRawUnsafe(sql);
    try {
      await expect(recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: [{ attrKey: "amount", attrValue: "5" }] }), API)).rejects.toMatchObject({
        kind: "internal",
      });
      expect(await eventsOf(w.alice.id)).toHaveLength(0);
      expect(await db.customerEventAttribute.count({ where: { event: { customerId: w.alice.id } } })).toBe(0);
      // In a batch, the failing event fails alone; the others are written with their effects.
      const results = await recordEvents(
        w.tenant.id,
        batch([
          { customerId: w.bob.id, event: "order_paid", happenTime: "2026-03-01 10:00:00" },
          { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 10:00:00" },
        ]),
        API,
      );
      expect(results.map((r) => [r.index, r.ok, r.error?.kind])).toEqual([
        [0, true, undefined],
        [1, false, "internal"],
      ]);
      expect(await eventsOf(w.bob.id)).toHaveLength(1);
      expect(await customer(w.bob.id)).toEqual({ stageId: w.stages.paid.id, score: 10 });
      expect(await eventsOf(w.alice.id)).toHaveLength(0);
    } finally {
      await db.$executeRawUnsafe(pg ? `DROP TRIGGER ce_fail_${w.alice.id} ON "Customer"` : `DROP TRIGGER ce_fail_${w.alice.id}`);
    }
    expect(await customer(w.alice.id)).toEqual({ stageId: null, score: 0 });
  });
});

describe("idempotency (eventId)", () => {
  it("records the same eventId once and acknowledges the repeat", async () => {
    const w = await eventWorld();
    const first = await recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "order-1" }), API);
    const again = await recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "order-1", happenTime: "2026-04-01 00:00:00" }), API);
    expect(again).toEqual({ eventId: first.eventId, duplicate: true });
    expect(await eventsOf(w.alice.id)).toHaveLength(1);
    expect(await customer(w.alice.id)).toMatchObject({ score: 10 });
  });

  it("writes one event for concurrent duplicates, inside and across batches", async () => {
    const w = await eventWorld();
    const singles = Array.from({ length: 12 }, () => recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "dup" }), API));
    const batched = recordEvents(w.tenant.id, batch([{ customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", eventId: "dup" }, { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 12:00:00", eventId: "dup" }]), API);
    const [results, batchResults] = await Promise.all([Promise.all(singles), batched]);
    const ids = new Set([...results.map((r) => r.eventId), ...batchResults.map((r) => r.eventId)]);
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate).length + batchResults.filter((r) => !r.duplicate).length).toBe(1);
    expect(await eventsOf(w.alice.id)).toHaveLength(1);
    expect(await customer(w.alice.id)).toMatchObject({ score: 10 });
  });

  it("answers a writer that lost the race on the unique index as a replay (two writers, no shared queue)", async () => {
    const w = await eventWorld();
    const batch = () => ({ tenantId: w.tenant.id, timeZone: "Asia/Shanghai", recordedBy: null, entries: [{ input: paid(w.alice.id, { eventId: "race" }) }] });
    // Straight to the ingestion core, as two server processes would: both pass the pre-check.
    const [[[a]], [[b]]] = await Promise.all([ingest([batch()]), ingest([batch()])]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.eventId).toBe(b.eventId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await eventsOf(w.alice.id)).toHaveLength(1);
    expect(await customer(w.alice.id)).toMatchObject({ score: 10 });
  });

  it("treats a blank eventId as none", async () => {
    const w = await eventWorld();
    await recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "   " }), API);
    await recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "" }), API);
    const rows = await eventsOf(w.alice.id);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([null, null]);
    expect(createCustomerEventBody.safeParse({ identityType: "phone", identityValue: "  ", event: "plain", happenTime: "2026-03-01 12:00:00" }).success).toBe(false);
  });

  it("scopes eventId to the tenant", async () => {
    const a = await eventWorld();
    const b = await eventWorld();
    await recordEvent(a.tenant.id, paid(a.alice.id, { eventId: "shared" }), API);
    const other = await recordEvent(b.tenant.id, paid(b.alice.id, { eventId: "shared" }), API);
    expect(other.duplicate).toBe(false);
  });
});

describe("batches", () => {
  it("writes the valid items and answers each failing one with its own error", async () => {
    const w = await eventWorld();
    const ok = { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-01 10:00:00" };
    const results = await recordEvents(
      w.tenant.id,
      batch([
        ok,
        { ...ok, happenTime: undefined },
        "not an object",
        { ...ok, customerId: 999_999 },
        { ...ok, event: "nope" },
        { ...ok, event: "old_event" },
        { ...ok, attrValueList: [{ attrKey: "amount", attrValue: "x", type: "value" }] },
        { ...ok, customerId: w.bob.id, attrValueList: [{ attrKey: "amount", attrValue: "3", type: "value" }] },
      ]),
      API,
    );
    expect(results.map((r) => [r.index, r.ok])).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => [i, i === 0 || i === 7]));
    const errors = results.map((r) => r.error?.message);
    expect(errors[1]).toMatch(/^happenTime: required/);
    expect(errors[3]).toBe("customer 999999 not found");
    expect(errors[4]).toBe('event type "nope" not found');
    expect(errors[5]).toMatch(/"old_event" is archived/);
    expect(errors[6]).toMatch(/attrValueList\.0: attribute "amount": "x" is not a number/);
    expect(await eventsOf(w.alice.id)).toHaveLength(1);
    const bob = await eventsOf(w.bob.id);
    expect(bob[0].attributes.map((a) => a.numValue)).toEqual([3]);
  });

  it("refuses more than 1,000 events", async () => {
    const w = await eventWorld();
    await expect(recordEvents(w.tenant.id, batch(new Array(1001).fill({})), API)).rejects.toMatchObject({ kind: "invalid" });
  });

  it("records concurrent single events of many customers with the right effects", async () => {
    const w = await eventWorld();
    const customers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.customer.create({ data: { tenantId: w.tenant.id, name: `c${i}` }, select: { id: true } })),
    );
    const done = await Promise.all(customers.flatMap((c) => [recordEvent(w.tenant.id, paid(c.id), API), recordEvent(w.tenant.id, paid(c.id), API)]));
    expect(new Set(done.map((d) => d.eventId)).size).toBe(80);
    const scores = await db.customer.findMany({ where: { id: { in: customers.map((c) => c.id) } }, select: { score: true, stageId: true } });
    expect(scores.every((s) => s.score === 20 && s.stageId === w.stages.paid.id)).toBe(true);
  });

  it("records batches that arrive while others are being written, on the same customers, each event once", async () => {
    // On PostgreSQL these flushes overlap (two at a time) and meet on the same customer rows.
    const w = await eventWorld();
    const customers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => db.customer.create({ data: { tenantId: w.tenant.id, name: `c${i}` }, select: { id: true } })),
    );
    const items = (round: number) =>
      (round % 2 ? [...customers].reverse() : customers).map((c, i) => ({
        customerId: c.id,
        event: "order_paid",
        happenTime: "2026-03-01 12:00:00",
        eventId: `r${round}-${i}`,
      }));
    const rounds: Promise<Awaited<ReturnType<typeof recordEvents>>>[] = [];
    for (let round = 0; round < 6; round++) {
      rounds.push(recordEvents(w.tenant.id, batch(items(round)), API));
      // the same batch again while the first may still be in flight: nothing is written twice
      if (round === 2) rounds.push(recordEvents(w.tenant.id, batch(items(round)), API));
      await new Promise((r) => setTimeout(r, 3));
    }
    const results = (await Promise.all(rounds)).flat();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await db.customerEvent.count({ where: { tenantId: w.tenant.id } })).toBe(6 * 30);
    const rows = await db.customer.findMany({ where: { id: { in: customers.map((c) => c.id) } }, select: { score: true } });
    expect(rows.map((r) => r.score)).toEqual(customers.map(() => 60));
  });
});

describe("scenario starts", () => {
  async function scenario(w: EventWorld, status: string, eventTypeId = w.types.orderPaid.id) {
    const steps = [{ id: "welcome", type: "wait", minutes: 30 }];
    return db.scenario.create({
      data: {
        tenantId: w.tenant.id,
        name: `s-${status}`,
        status,
        triggerKind: "event_type",
        eventTypeId,
        versions: { create: [{ version: 1, document: { steps: [] } }, { version: 2, document: { steps } }] },
      },
      include: { versions: true },
    });
  }

  it("queues a run and a job for each active scenario of the type, at scheduledTime when it is ahead", async () => {
    const w = await eventWorld();
    const active = await scenario(w, "active");
    await scenario(w, "paused");
    await scenario(w, "active", w.types.pageView.id);
    const before = Date.now();
    const { eventId } = await recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: [{ attrKey: "amount", attrValue: "12.5" }] }), API);
    const runs = await db.scenarioRun.findMany({ where: { tenantId: w.tenant.id } });
    expect(runs).toHaveLength(1);
    // the latest version, its first step, keyed by the event that started it
    const v2 = active.versions.find((v) => v.version === 2)!;
    expect(runs[0]).toMatchObject({ scenarioId: active.id, versionId: v2.id, customerId: w.alice.id, status: "queued", stepId: "welcome", triggerKey: `event:${eventId}` });
    expect(runs[0].context).toMatchObject({ eventId, eventKey: "order_paid", attributes: { amount: "12.5" } });
    const jobs = await db.job.findMany({ where: { tenantId: w.tenant.id } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: "scenario.step", payload: { runId: Number(runs[0].id) }, status: "pending", attempts: 0, liveKey: `run:${runs[0].id}` });
    expect(jobs[0].runAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(jobs[0].runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    await recordEvent(w.tenant.id, paid(w.alice.id, { scheduledTime: "2099-01-01 08:00:00" }), API);
    const later = await db.job.findFirstOrThrow({ where: { tenantId: w.tenant.id }, orderBy: { id: "desc" } });
    expect(later.runAt.toISOString()).toBe("2099-01-01T00:00:00.000Z");
    await recordEvent(w.tenant.id, paid(w.alice.id, { scheduledTime: "2020-01-01 08:00:00" }), API);
    const past = await db.job.findFirstOrThrow({ where: { tenantId: w.tenant.id }, orderBy: { id: "desc" } });
    expect(past.runAt.getTime()).toBeGreaterThan(before - 1000);
  });

  it("starts nothing again for a repeated eventId", async () => {
    const w = await eventWorld();
    await scenario(w, "active");
    await recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "once" }), API);
    await recordEvent(w.tenant.id, paid(w.alice.id, { eventId: "once" }), API);
    expect(await db.scenarioRun.count({ where: { tenantId: w.tenant.id } })).toBe(1);
    expect(await db.job.count({ where: { tenantId: w.tenant.id } })).toBe(1);
  });
});
