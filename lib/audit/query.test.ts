import { describe, expect, it } from "vitest";
import { actorOfUser, SYSTEM_ACTOR, writeAudit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { auditFacets, auditQuerySchema, listAuditEntries } from "./query";

describe("audit query", () => {
  it("pages newest first and filters by actor, entity and day in the tenant's time zone", async () => {
    const tenant = await makeTenant();
    const alice = actorOfUser({ id: 7, name: "Alice" });
    for (let i = 0; i < 5; i++) await writeAudit(db, tenant.id, alice, { action: "customer.create", entity: "Customer", entityId: i });
    await writeAudit(db, tenant.id, SYSTEM_ACTOR, { action: "event_type.create", entity: "EventType" });
    // 2026-03-01 23:30 in Shanghai is 15:30 UTC
    const old = await db.auditLog.create({
      data: { tenantId: tenant.id, actorType: "user", actorId: 7, actorName: "Alice", action: "customer.delete", entity: "Customer", createdAt: new Date("2026-03-01T15:30:00Z") },
    });
    const q = (raw: Record<string, string>) => listAuditEntries(tenant.id, auditQuerySchema.parse(raw), "Asia/Shanghai");

    const first = await q({ pageSize: "4" });
    expect([first.total, first.totalPages, first.items.length]).toEqual([7, 2, 4]);
    expect(first.items[0].action).toBe("event_type.create");
    expect((await q({ actor: "user:7", entity: "Customer" })).total).toBe(6);
    expect((await q({ actor: "system" })).items.map((e) => e.action)).toEqual(["event_type.create"]);
    const day = await q({ from: "2026-03-01", to: "2026-03-01" });
    expect(day.items.map((e) => e.id)).toEqual([old.id]);
    expect((await q({ from: "2026-03-02", to: "2026-03-02" })).total).toBe(0);

    const facets = await auditFacets(tenant.id);
    expect(facets.entities).toEqual(["Customer", "EventType"]);
    expect(facets.actors.map((a) => a.value).sort()).toEqual(["system", "user:7"]);
  });
});
