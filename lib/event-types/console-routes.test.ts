import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";

// The console routes authenticate through currentUser(); tests sign in by setting it.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

import * as categoryItem from "@/app/api/event-categories/[id]/route";
import * as categories from "@/app/api/event-categories/route";
import * as restore from "@/app/api/event-types/[id]/restore/route";
import * as eventTypeItem from "@/app/api/event-types/[id]/route";
import * as eventTypes from "@/app/api/event-types/route";
import * as stageItem from "@/app/api/stages/[id]/route";
import * as stages from "@/app/api/stages/route";
import { db } from "@/lib/db/client";
import { makeTenant, makeUser } from "@/lib/test/factories";
import type { Role } from "@/lib/users/schemas";

type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function signIn(tenantId: number, role: Role) {
  const u = await makeUser(tenantId, role);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  session.user = { id: u.id, email: u.email, name: u.name, role, loginNo: u.loginNo, tenantId, tenant };
  return u;
}

async function call(handler: Handler, method: string, opts: { path?: string; id?: number | string; body?: unknown } = {}) {
  const req = new Request(`http://localhost${opts.path ?? "/api/x"}`, {
    method,
    headers: { "content-type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, opts.id === undefined ? undefined : { params: Promise.resolve({ id: String(opts.id) }) });
  return { status: res.status, json: await res.json() };
}

async function tenantWithStages() {
  const tenant = await makeTenant();
  const list = await db.lifecycleStage.findMany({ where: { tenantId: tenant.id }, orderBy: { sort: "asc" } });
  return { tenant, stageIds: list.map((s) => s.id) };
}

const form = (stageId: number, over: Record<string, unknown> = {}) => ({
  eventKey: "order_paid",
  name: "订单支付",
  isInteract: false,
  rating: 20,
  stageId,
  categoryCode: "trade",
  attributes: [{ attrKey: "amount", attrName: "金额", type: "value", showInFlow: true }],
  ...over,
});

beforeEach(() => {
  session.user = null;
});

describe("console /api/event-types", () => {
  it("creates (201), reads, lists, searches, updates, archives and restores an event type", async () => {
    const { tenant, stageIds } = await tenantWithStages();
    const user = await signIn(tenant.id, "marketer");
    const created = await call(eventTypes.POST, "POST", { body: form(stageIds[2]) });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(Number),
      eventKey: "order_paid",
      name: "订单支付",
      isInteract: false,
      rating: 20,
      stageId: stageIds[2],
      stage: { id: stageIds[2], name: "成交客户" },
      categoryCode: "trade",
      category: { id: expect.any(Number), code: "trade", name: "交易行为" },
      attributes: [{ attrKey: "amount", attrName: "金额", type: "value", showInFlow: true }],
      archived: false,
      archivedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.json.id;
    expect((await call(eventTypeItem.GET, "GET", { id })).json).toEqual(created.json);

    await call(eventTypes.POST, "POST", { body: form(stageIds[0], { eventKey: "page_view", name: "浏览页面", categoryCode: null, attributes: [] }) });
    const search = await call(eventTypes.GET, "GET", { path: "/api/event-types?search=%E8%AE%A2%E5%8D%95" }); // 订单
    expect(search.json.map((t: { eventKey: string }) => t.eventKey)).toEqual(["order_paid"]);

    const patched = await call(eventTypeItem.PATCH, "PATCH", { id, body: { name: "订单已支付", categoryCode: null } });
    expect(patched).toMatchObject({ status: 200, json: { name: "订单已支付", categoryCode: null, category: null, rating: 20 } });

    const archived = await call(eventTypeItem.DELETE, "DELETE", { id });
    expect(archived).toMatchObject({ status: 200, json: { id, archived: true } });
    const live = await call(eventTypes.GET, "GET", { path: "/api/event-types" });
    expect(live.json.map((t: { eventKey: string }) => t.eventKey)).toEqual(["page_view"]);
    const all = await call(eventTypes.GET, "GET", { path: "/api/event-types?includeArchived=true" });
    expect(all.json.map((t: { eventKey: string }) => t.eventKey)).toEqual(["order_paid", "page_view"]);

    expect((await call(restore.POST, "POST", { id })).json).toMatchObject({ archived: false });
    const log = await db.auditLog.findMany({ where: { tenantId: tenant.id, entity: "EventType", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorType, l.actorId])).toEqual([
      ["event_type.create", "user", user.id],
      ["event_type.update", "user", user.id],
      ["event_type.archive", "user", user.id],
      ["event_type.restore", "user", user.id],
    ]);
  });

  it("answers errors as {error:{kind, message, details}} with field paths the form can show", async () => {
    const { tenant, stageIds } = await tenantWithStages();
    await signIn(tenant.id, "admin");
    const bad = await call(eventTypes.POST, "POST", {
      body: form(stageIds[0], { attributes: [{ attrKey: "x", attrName: "X", type: "number", showInFlow: true }], rating: "high" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.kind).toBe("invalid");
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["attributes.0.type", "rating"]);
    const noStage = await call(eventTypes.POST, "POST", { body: form(999999) });
    expect(noStage).toMatchObject({ status: 400, json: { error: { kind: "invalid", details: [{ path: "stageId" }] } } });
    await call(eventTypes.POST, "POST", { body: form(stageIds[0]) });
    expect((await call(eventTypes.POST, "POST", { body: form(stageIds[0]) })).json.error.kind).toBe("conflict");
    expect((await call(eventTypeItem.GET, "GET", { id: "abc" })).status).toBe(400);
    expect((await call(eventTypeItem.GET, "GET", { id: 999999 })).status).toBe(404);
  });

  it("needs a session; a viewer may read but not write; another tenant's user sees nothing", async () => {
    const { tenant, stageIds } = await tenantWithStages();
    expect((await call(eventTypes.GET, "GET")).status).toBe(401);
    await signIn(tenant.id, "admin");
    const { json: created } = await call(eventTypes.POST, "POST", { body: form(stageIds[0]) });
    await signIn(tenant.id, "viewer");
    expect((await call(eventTypes.GET, "GET")).json).toHaveLength(1);
    expect((await call(eventTypes.POST, "POST", { body: form(stageIds[0], { eventKey: "other" }) })).status).toBe(403);
    expect((await call(eventTypeItem.DELETE, "DELETE", { id: created.id })).status).toBe(403);

    const other = await makeTenant();
    await signIn(other.id, "admin");
    expect((await call(eventTypes.GET, "GET")).json).toEqual([]);
    expect((await call(eventTypeItem.GET, "GET", { id: created.id })).status).toBe(404);
    expect((await call(eventTypeItem.PATCH, "PATCH", { id: created.id, body: { name: "x" } })).status).toBe(404);
  });
});

describe("console /api/stages and /api/event-categories", () => {
  it("creates, renames and deletes a stage; refuses to delete a used one (409)", async () => {
    const { tenant, stageIds } = await tenantWithStages();
    await signIn(tenant.id, "marketer");
    const created = await call(stages.POST, "POST", { body: { name: "沉睡客户" } });
    expect(created).toEqual({ status: 201, json: { id: expect.any(Number), name: "沉睡客户", sort: 6 } });
    expect((await call(stages.POST, "POST", { body: { name: "沉睡客户" } })).status).toBe(409);
    expect((await call(stageItem.PATCH, "PATCH", { id: created.json.id, body: { name: "休眠客户", sort: 0 } })).json).toMatchObject({ name: "休眠客户", sort: 0 });
    expect((await call(stages.GET, "GET")).json[0]).toMatchObject({ name: "休眠客户" });
    expect(await call(stageItem.DELETE, "DELETE", { id: created.json.id })).toEqual({ status: 200, json: { id: created.json.id, deleted: true } });

    await call(eventTypes.POST, "POST", { body: form(stageIds[1]) });
    const used = await call(stageItem.DELETE, "DELETE", { id: stageIds[1] });
    expect(used.status).toBe(409);
    expect(used.json.error.message).toContain("event type");
  });

  it("creates and deletes a category; its event types become ungrouped", async () => {
    const { tenant, stageIds } = await tenantWithStages();
    await signIn(tenant.id, "marketer");
    const created = await call(categories.POST, "POST", { body: { code: "service", name: "服务行为" } });
    expect(created).toEqual({ status: 201, json: { id: expect.any(Number), code: "service", name: "服务行为", sort: 3, eventTypeCount: 0 } });
    const type = await call(eventTypes.POST, "POST", { body: form(stageIds[0], { categoryCode: "service" }) });
    expect((await call(categoryItem.GET, "GET", { id: created.json.id })).json.eventTypeCount).toBe(1);
    expect(await call(categoryItem.DELETE, "DELETE", { id: created.json.id })).toEqual({
      status: 200,
      json: { id: created.json.id, deleted: true, ungroupedEventTypes: 1 },
    });
    expect((await call(eventTypeItem.GET, "GET", { id: type.json.id })).json).toMatchObject({ categoryCode: null, category: null });
    expect((await call(categories.POST, "POST", { body: { code: "trade", name: "x" } })).status).toBe(409);
    expect((await call(categories.GET, "GET")).json.map((c: { code: string }) => c.code)).toEqual(["trade", "interact"]);
  });
});
