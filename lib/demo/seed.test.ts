import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listScenarios } from "@/lib/scenarios/service";
import { listSegments } from "@/lib/segments/service";
import { DEMO_GROUPS, DEMO_SEGMENTS } from "./automation";
import { DEMO_CUSTOMERS, seedDemo } from "./seed";

describe("demo seed", () => {
  it("gives the demo tenant customers whose stage and score are what their events give, and every feed", async () => {
    const { counts } = await seedDemo();
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "demo" } });
    const where = { tenantId: tenant.id };
    expect(await db.customer.count({ where })).toBe(DEMO_CUSTOMERS);
    expect(counts.events).toBeGreaterThan(DEMO_CUSTOMERS * 5);
    for (const feed of [db.followUp, db.callLog, db.smsLog, db.ticket, db.alternation] as const) {
      // each delegate has the same count signature
      expect(await (feed as typeof db.ticket).count({ where })).toBeGreaterThan(0);
    }

    const types = new Map((await db.eventType.findMany({ where })).map((t) => [t.id, t]));
    const events = await db.customerEvent.findMany({ where, orderBy: [{ happenTime: "asc" }, { id: "asc" }], select: { customerId: true, eventTypeId: true, happenTime: true } });
    const now = Date.now();
    expect(events.every((e) => e.happenTime.getTime() <= now && now - e.happenTime.getTime() < 61 * 86_400_000)).toBe(true);
    // more recent days are busier: the last fortnight holds more events than the fortnight a month ago
    const inWindow = (from: number, to: number) => events.filter((e) => now - e.happenTime.getTime() >= from * 86_400_000 && now - e.happenTime.getTime() < to * 86_400_000).length;
    expect(inWindow(0, 14)).toBeGreaterThan(inWindow(28, 42));

    const expected = new Map<number, { stageId: number | null; score: number }>();
    for (const e of events) {
      const t = types.get(e.eventTypeId)!;
      const cur = expected.get(e.customerId) ?? { stageId: null, score: 0 };
      expected.set(e.customerId, { stageId: t.stageId ?? cur.stageId, score: cur.score + (t.rating ?? 0) });
    }
    const customers = await db.customer.findMany({ where, select: { id: true, stageId: true, score: true, followNum: true, _count: { select: { followUps: true, phones: true } } } });
    // the active demo scenario set the stage of the customers it ran for
    const ran = new Map((await db.scenarioRun.findMany({ where, select: { customerId: true } })).map((r) => [r.customerId, true]));
    const intent = await db.lifecycleStage.findFirstOrThrow({ where: { ...where, name: "意向客户" } });
    expect(ran.size).toBe(12);
    for (const c of customers) {
      const want = expected.get(c.id) ?? { stageId: null, score: 0 };
      expect({ id: c.id, stageId: c.stageId, score: c.score }).toEqual({ id: c.id, ...want, ...(ran.has(c.id) ? { stageId: intent.id } : {}) });
      expect(c.followNum).toBe(c._count.followUps);
      expect(c._count.phones).toBeGreaterThan(0);
    }

    // automation: groups with members, segments that match someone, custom events, scenarios with finished runs
    const groups = await db.group.findMany({ where, select: { name: true, _count: { select: { members: true } } } });
    expect(groups.map((g) => g.name).sort()).toEqual([...DEMO_GROUPS].sort());
    for (const g of groups) expect(g._count.members, g.name).toBeGreaterThan(0);
    const segments = await listSegments(tenant.id);
    expect(segments.map((s) => s.name).sort()).toEqual([...DEMO_SEGMENTS].sort());
    for (const s of segments) {
      expect(s.count, s.name).toBeGreaterThan(0);
      expect(s.count, s.name).toBeLessThan(DEMO_CUSTOMERS);
    }
    expect(await db.customEvent.count({ where })).toBe(2);
    const scenarios = await listScenarios(tenant.id);
    expect(scenarios.map((s) => s.status).sort()).toEqual(["active", "draft"]);
    const active = scenarios.find((s) => s.status === "active")!;
    expect(active.counts).toMatchObject({ entered: 12, completed: 12, failed: 0 });
    expect(active.entriesPerDay.filter((d) => d.entries > 0).length).toBeGreaterThan(3);
    expect(counts.runs).toBe(12);
    // seven bcrypt hashes and a few thousand rows: seconds alone, longer on a shared CI machine
  }, 90_000);
});
