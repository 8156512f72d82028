import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ currentUser: vi.fn() }));

import { GET as listRoute, POST as createRoute } from "@/app/api/customers/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/customers/[id]/route";
import { GET as feedsRoute, POST as addFeedRoute } from "@/app/api/customers/[id]/feeds/route";
import { GET as fieldsRoute, POST as createFieldRoute } from "@/app/api/custom-fields/route";
import { POST as createDeptRoute } from "@/app/api/departments/route";
import { DELETE as deleteDeptRoute } from "@/app/api/departments/[id]/route";
import { GET as labelsRoute } from "@/app/api/labels/route";
import { GET as optionsRoute, POST as createOptionRoute } from "@/app/api/options/route";
import { GET as tasksRoute, POST as createTaskRoute } from "@/app/api/tasks/route";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { createUser } from "@/lib/users/service";
import type { Role } from "@/lib/users/schemas";

type Route = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

let signedIn: SessionUser | null = null;
beforeEach(() => {
  vi.mocked(currentUser).mockImplementation(async () => signedIn);
});

async function signIn(role: Role = "marketer", tenant?: { id: number; slug: string; name: string; timeZone: string }) {
  tenant ??= await makeTenant();
  const dept = await db.department.create({ data: { tenantId: tenant.id, name: `部门-${Math.random().toString(36).slice(2, 8)}` } });
  const user = await createUser(tenant.id, {
    email: `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`,
    name: "王小明",
    password: "password-123",
    role,
    loginNo: `n${Math.random().toString(36).slice(2, 8)}`,
    departmentId: dept.id,
  });
  signedIn = { id: user.id, email: user.email, name: user.name, role, loginNo: user.loginNo, tenantId: tenant.id, tenant };
  return { tenant, user, dept };
}

async function send(route: Route, path: string, init: { method?: string; body?: unknown; id?: number } = {}) {
  const req = new Request(`http://localhost${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const params: Record<string, string> = init.id === undefined ? {} : { id: String(init.id) };
  const res = await route(req, { params: Promise.resolve(params) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  return { status: res.status, body: (await res.json()) as any };
}

describe("console customers", () => {
  it("creates, reads, patches and deletes a customer; patches are recorded with the user's login number", async () => {
    const { user, dept } = await signIn();
    const options = (await send(optionsRoute, "/api/options")).body;
    const vip = options.custType.find((o: { name: string }) => o.name === "签约客户");
    const field = (await send(createFieldRoute, "/api/custom-fields", { body: { name: "消费情况", type: "text" } })).body;

    const created = await send(createRoute, "/api/customers", {
      body: {
        name: "测试用户",
        phones: [{ number: "13800000001" }],
        typeId: vip.id,
        ownerId: user.id,
        departmentId: dept.id,
        labels: ["重要"],
        customFields: { [field.id]: "高消费" },
        assignTime: "2026-11-23T08:00:00+08:00",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "测试用户",
      // the console stores phones in E.164 (lib/customers/phone.ts)
      phones: [{ number: "+8613800000001" }],
      type: { id: vip.id, name: "签约客户" },
      owner: { id: user.id, loginNo: user.loginNo },
      department: { id: dept.id },
      labels: [{ name: "重要" }],
      assignTime: "2026-11-23T00:00:00.000Z",
      score: 0,
    });
    expect(created.body.customFields).toEqual([expect.objectContaining({ fieldId: field.id, name: "消费情况", value: "高消费" })]);
    const id = created.body.id;

    const patched = await send(patchRoute, `/api/customers/${id}`, { method: "PATCH", id, body: { companyName: "天润", score: 10 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ companyName: "天润", score: 10, name: "测试用户" });

    const feed = await send(feedsRoute, `/api/customers/${id}/feeds?kind=alternation`, { id });
    expect(feed.body.items.map((i: { summary: string }) => i.summary).sort()).toEqual(["公司名称: <空>---->天润", "客户评分: 0---->10"]);
    expect(feed.body.items[0]).toMatchObject({ kind: "alternation", authorNo: user.loginNo, authorName: "王小明" });

    const bad = await send(patchRoute, `/api/customers/${id}`, { method: "PATCH", id, body: { typeId: 999999 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ kind: "invalid", message: "'999999' is not a valid custtype" });

    expect((await send(deleteRoute, `/api/customers/${id}`, { method: "DELETE", id })).body).toEqual({ id });
    expect((await send(getRoute, `/api/customers/${id}`, { id })).status).toBe(404);
  });

  it("lists with server-side paging, sorting, search and filters", async () => {
    const { tenant, user, dept } = await signIn();
    const stage = await db.lifecycleStage.findFirstOrThrow({ where: { tenantId: tenant.id } });
    for (let i = 1; i <= 30; i++) {
      await send(createRoute, "/api/customers", {
        body: {
          name: `客户${String(i).padStart(2, "0")}`,
          phones: [{ number: `1380000${String(i).padStart(4, "0")}` }],
          score: i,
          ...(i % 3 === 0 ? { ownerId: user.id, departmentId: dept.id, stageId: stage.id, labels: ["三"] } : {}),
        },
      });
    }
    const page = (await send(listRoute, "/api/customers?page=2&pageSize=10&sort=score&order=asc")).body;
    expect(page).toMatchObject({ page: 2, pageSize: 10, total: 30, totalPages: 3 });
    expect(page.items.map((c: { score: number }) => c.score)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);

    const byName = (await send(listRoute, "/api/customers?sort=name&order=desc&pageSize=2")).body;
    expect(byName.items.map((c: { name: string }) => c.name)).toEqual(["客户30", "客户29"]);

    const labelId = (await send(labelsRoute, "/api/labels")).body.items[0].id;
    for (const q of [`ownerId=${user.id}`, `stageId=${stage.id}`, `labelId=${labelId}`, `departmentId=${dept.id}`]) {
      expect((await send(listRoute, `/api/customers?${q}`)).body.total).toBe(10);
    }
    expect((await send(listRoute, "/api/customers?q=00000007")).body.items.map((c: { name: string }) => c.name)).toEqual(["客户07"]);
    expect((await send(listRoute, "/api/customers?q=客户1")).body.total).toBe(10);
    expect((await send(listRoute, "/api/customers?pageSize=500")).status).toBe(400);
    expect((await send(listRoute, "/api/customers?sort=password")).status).toBe(400);
  });

  it("adds follow-ups, tickets, call logs and SMS, and pages the merged history with a cursor", async () => {
    await signIn();
    const c = (await send(createRoute, "/api/customers", { body: { name: "x" } })).body;
    const add = (body: unknown) => send(addFeedRoute, `/api/customers/${c.id}/feeds`, { id: c.id, body });
    const ticket = await add({ kind: "ticket", title: "投诉", content: '<p>内容<script>alert(1)</script><img src="a.png" onerror="alert(1)"></p>' });
    expect(ticket.status).toBe(201);
    expect(ticket.body.content).toBe('<p>内容<img src="a.png" /></p>');
    expect((await add({ kind: "followUp", content: "回访" })).status).toBe(201);
    expect((await add({ kind: "callLog", callType: "inbound", durationSec: 30 })).status).toBe(201);
    expect((await add({ kind: "sms", content: "您好" })).status).toBe(201);
    expect((await add({ kind: "email", content: "x" })).status).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { kind: string }[]; nextCursor: string | null } } = await send(
        feedsRoute,
        `/api/customers/${c.id}/feeds?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { id: c.id },
      );
      seen.push(...res.body.items.map((i) => i.kind));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["sms", "callLog", "followUp", "ticket"]);
    expect((await send(getRoute, `/api/customers/${c.id}`, { id: c.id })).body.followNum).toBe(1);
  });

  it("lets a viewer read but not write, and keeps tenants apart", async () => {
    const { tenant } = await signIn("marketer");
    const c = (await send(createRoute, "/api/customers", { body: { name: "x" } })).body;
    await signIn("viewer", tenant);
    expect((await send(getRoute, `/api/customers/${c.id}`, { id: c.id })).status).toBe(200);
    expect((await send(createRoute, "/api/customers", { body: { name: "y" } })).status).toBe(403);
    expect((await send(patchRoute, `/api/customers/${c.id}`, { method: "PATCH", id: c.id, body: { name: "z" } })).status).toBe(403);
    await signIn("admin");
    expect((await send(getRoute, `/api/customers/${c.id}`, { id: c.id })).status).toBe(404);
    expect((await send(listRoute, "/api/customers")).body.total).toBe(0);
    signedIn = null;
    expect((await send(listRoute, "/api/customers")).status).toBe(401);
  });
});

describe("console reference data", () => {
  it("manages options, tasks, departments and custom fields", async () => {
    await signIn();
    const opt = await send(createOptionRoute, "/api/options", { body: { list: "custType", name: "企业客户" } });
    expect(opt.body).toMatchObject({ list: "custType", name: "企业客户", value: "4" });
    expect((await send(createOptionRoute, "/api/options", { body: { list: "custType", name: "企业客户" } })).status).toBe(409);

    await send(createTaskRoute, "/api/tasks", { body: { name: "默认任务" } });
    expect((await send(tasksRoute, "/api/tasks")).body.items).toEqual([expect.objectContaining({ name: "默认任务", customerCount: 0 })]);

    const dept = (await send(createDeptRoute, "/api/departments", { body: { name: "新部门" } })).body;
    await send(createRoute, "/api/customers", { body: { name: "x", departmentId: dept.id } });
    expect((await send(deleteDeptRoute, `/api/departments/${dept.id}`, { method: "DELETE", id: dept.id })).status).toBe(409);

    const select = await send(createFieldRoute, "/api/custom-fields", { body: { name: "等级", type: "select" } });
    expect(select.status).toBe(400);
    await send(createFieldRoute, "/api/custom-fields", { body: { name: "等级", type: "select", options: ["A", "B"], required: true } });
    expect((await send(fieldsRoute, "/api/custom-fields")).body.items[0]).toMatchObject({ name: "等级", required: true, options: ["A", "B"] });
  });
});
