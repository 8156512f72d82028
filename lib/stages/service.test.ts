import { describe, expect, it } from "vitest";
import { actorOfUser, SYSTEM_ACTOR } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { DEFAULT_STAGES } from "@/lib/tenants/defaults";
import { makeTenant } from "@/lib/test/factories";
import { createStage, deleteStage, getStage, listStages, listStagesWithUsage, requireStageOfTenant, updateStage } from "./service";

const actor = SYSTEM_ACTOR;

describe("stages", () => {
  it("a new tenant starts with the default stages, in their order", async () => {
    const t = await makeTenant();
    const stages = await listStages(t.id);
    expect(stages.map((s) => s.name)).toEqual(DEFAULT_STAGES.map((s) => s.name));
    expect(stages.map((s) => s.sort)).toEqual([1, 2, 3, 4, 5]);
  });

  it("appends a new stage after the last one, and lists by sort after an update", async () => {
    const t = await makeTenant();
    const vip = await createStage(t.id, { name: " 高价值客户 " }, actor);
    expect(vip).toMatchObject({ name: "高价值客户", sort: 6 });
    await updateStage(t.id, vip.id, { sort: 0 }, actor);
    expect((await listStages(t.id))[0]).toMatchObject({ id: vip.id, name: "高价值客户", sort: 0 });
  });

  it("refuses a duplicate name on create and on rename (409), and a blank name (400)", async () => {
    const t = await makeTenant();
    await expect(createStage(t.id, { name: "新客户" }, actor)).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("新客户") });
    const s = await createStage(t.id, { name: "沉睡客户" }, actor);
    await expect(updateStage(t.id, s.id, { name: "意向客户" }, actor)).rejects.toMatchObject({ kind: "conflict" });
    await expect(createStage(t.id, { name: "   " }, actor)).rejects.toMatchObject({ name: "ZodError" });
    // renaming to its own name is not a conflict
    await expect(updateStage(t.id, s.id, { name: "沉睡客户" }, actor)).resolves.toMatchObject({ name: "沉睡客户" });
  });

  it("refuses to delete a stage an event type (even archived) or a customer uses; deletes an unused one", async () => {
    const t = await makeTenant();
    const [first, second, third] = await listStages(t.id);
    await db.eventType.create({ data: { tenantId: t.id, eventKey: "gone", name: "Gone", stageId: first.id, archivedAt: new Date() } });
    await db.customer.create({ data: { tenantId: t.id, name: "张三", stageId: second.id } });
    await expect(deleteStage(t.id, first.id, actor)).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("1 event type") });
    await expect(deleteStage(t.id, second.id, actor)).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("1 customer") });
    await deleteStage(t.id, third.id, actor);
    expect((await listStages(t.id)).map((s) => s.id)).not.toContain(third.id);
    await expect(getStage(t.id, third.id)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("lists each stage with how many event types and live customers use it", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const [first, second, third] = await listStages(t.id);
    await db.eventType.create({ data: { tenantId: t.id, eventKey: "a", name: "A", stageId: first.id } });
    await db.eventType.create({ data: { tenantId: t.id, eventKey: "b", name: "B", stageId: first.id, archivedAt: new Date() } });
    await db.eventType.create({ data: { tenantId: t.id, eventKey: "c", name: "C" } });
    await db.customer.create({ data: { tenantId: t.id, name: "张三", stageId: second.id } });
    await db.customer.create({ data: { tenantId: t.id, name: "李四", stageId: second.id } });
    await db.customer.create({ data: { tenantId: t.id, name: "王五", stageId: second.id, deletedAt: new Date() } });
    await db.customer.create({ data: { tenantId: t.id, name: "赵六", stageId: first.id } });
    // another tenant's use of its own stages counts for nothing here
    const [foreign] = await listStages(other.id);
    await db.customer.create({ data: { tenantId: other.id, name: "外人", stageId: foreign.id } });

    const listed = await listStagesWithUsage(t.id);
    expect(listed.map((s) => s.id)).toEqual((await listStages(t.id)).map((s) => s.id));
    const byId = new Map(listed.map((s) => [s.id, s]));
    expect(byId.get(first.id)).toMatchObject({ name: first.name, eventTypeCount: 2, customerCount: 1 });
    expect(byId.get(second.id)).toMatchObject({ eventTypeCount: 0, customerCount: 2 });
    expect(byId.get(third.id)).toMatchObject({ eventTypeCount: 0, customerCount: 0 });
    expect((await listStagesWithUsage(other.id)).find((s) => s.id === foreign.id)).toMatchObject({ customerCount: 1, eventTypeCount: 0 });
  });

  it("writes an audit row with the actor for each change", async () => {
    const t = await makeTenant();
    const user = { id: 42, name: "Mia" };
    const s = await createStage(t.id, { name: "试用客户" }, actorOfUser(user));
    await updateStage(t.id, s.id, { name: "试用中" }, actorOfUser(user));
    await deleteStage(t.id, s.id, actorOfUser(user));
    const logs = await db.auditLog.findMany({ where: { tenantId: t.id }, orderBy: { id: "asc" } });
    expect(logs.map((l) => l.action)).toEqual(["stage.create", "stage.update", "stage.delete"]);
    expect(logs.every((l) => l.actorType === "user" && l.actorId === 42 && l.entityId === String(s.id))).toBe(true);
  });

  it("does not let one tenant see or touch another's stages", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const [stageOfA] = await listStages(a.id);
    await expect(getStage(b.id, stageOfA.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(updateStage(b.id, stageOfA.id, { name: "x" }, actor)).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteStage(b.id, stageOfA.id, actor)).rejects.toMatchObject({ kind: "not_found" });
    await expect(requireStageOfTenant(b.id, stageOfA.id)).rejects.toMatchObject({
      kind: "invalid",
      details: [{ path: "stageId" }],
    });
    expect((await getStage(a.id, stageOfA.id)).name).toBe("新客户");
  });
});
