import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { createEventType, getEventType, listEventTypeFlows } from "@/lib/event-types/service";
import { listStages } from "@/lib/stages/service";
import { makeTenant } from "@/lib/test/factories";
import {
  createEventCategory,
  deleteEventCategory,
  getEventCategory,
  listEventCategories,
  updateEventCategory,
} from "./service";

const actor = SYSTEM_ACTOR;

describe("event categories", () => {
  it("a new tenant has the default categories; a new one is appended", async () => {
    const t = await makeTenant();
    expect((await listEventCategories(t.id)).map((c) => c.code)).toEqual(["trade", "interact"]);
    const c = await createEventCategory(t.id, { code: "service", name: "服务行为" }, actor);
    expect(c).toMatchObject({ code: "service", name: "服务行为", sort: 3, eventTypeCount: 0 });
    expect((await listEventCategories(t.id)).map((x) => x.code)).toEqual(["trade", "interact", "service"]);
  });

  it("keeps codes unique per tenant (409) and well-formed (400)", async () => {
    const t = await makeTenant();
    await expect(createEventCategory(t.id, { code: "trade", name: "又一个" }, actor)).rejects.toMatchObject({ kind: "conflict" });
    await expect(createEventCategory(t.id, { code: "1abc", name: "x" }, actor)).rejects.toMatchObject({ name: "ZodError" });
    const other = await makeTenant();
    await expect(createEventCategory(other.id, { code: "service", name: "服务" }, actor)).resolves.toBeTruthy();
    await expect(createEventCategory(t.id, { code: "service", name: "服务" }, actor)).resolves.toBeTruthy();
  });

  it("renames a code; event types follow it because they point at the category by id", async () => {
    const t = await makeTenant();
    const [stage] = await listStages(t.id);
    const [trade] = await listEventCategories(t.id);
    const type = await createEventType(
      t.id,
      { eventKey: "paid", name: "支付", isInteract: false, stageId: stage.id, categoryCode: "trade", attributes: [] },
      actor,
    );
    await updateEventCategory(t.id, trade.id, { code: "orders", name: "订单" }, actor);
    expect(await getEventType(t.id, { id: type.id })).toMatchObject({ categoryCode: "orders", category: { name: "订单" } });
    await expect(updateEventCategory(t.id, trade.id, { code: "interact" }, actor)).rejects.toMatchObject({ kind: "conflict" });
  });

  it("delete ungroups the category's event types", async () => {
    const t = await makeTenant();
    const [stage] = await listStages(t.id);
    const [trade] = await listEventCategories(t.id);
    const type = await createEventType(
      t.id,
      { eventKey: "paid", name: "支付", isInteract: false, stageId: stage.id, categoryCode: "trade", attributes: [] },
      actor,
    );
    expect((await getEventCategory(t.id, trade.id)).eventTypeCount).toBe(1);
    expect(await deleteEventCategory(t.id, trade.id, actor)).toEqual({ ungroupedEventTypes: 1 });
    expect(await getEventType(t.id, { id: type.id })).toMatchObject({ categoryCode: null, category: null });
    expect((await listEventTypeFlows(t.id)).map((g) => g.category)).toEqual([null]);
    expect(await db.auditLog.count({ where: { tenantId: t.id, action: "event_category.delete" } })).toBe(1);
  });

  it("does not let one tenant touch another's categories", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const [ofA] = await listEventCategories(a.id);
    await expect(getEventCategory(b.id, ofA.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(updateEventCategory(b.id, ofA.id, { name: "x" }, actor)).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteEventCategory(b.id, ofA.id, actor)).rejects.toMatchObject({ kind: "not_found" });
  });
});
