import type { APIRequestContext } from "@playwright/test";
import type { ApiKey } from "../fixtures";
import { expect, test } from "./api-test";
import { createCustomer, customersClient, raw, uid, type Answer } from "./helpers";

// The groups dialect (seed 004, BitAnswer) driven like an integrator: header bitkey, groups and
// their customers by (often Chinese, URL-encoded) name, {status:0, data:{total?, items}}.
// Last: one journey across the groups and lists dialects over the same records.

type Ok<T> = { status: 0; data: { total?: number; items: T[] } };
type Err = { status: number; message: string };

function groupsClient(request: APIRequestContext, key: ApiKey | string) {
  const bitkey = typeof key === "string" ? key : `${key.appKey}.${key.secret}`;
  const send = async <T>(method: "get" | "post" | "patch" | "delete", path: string, data?: unknown): Promise<Answer<T>> => {
    const res = await request[method](`/openapi/customer_groups${path}`, {
      headers: { bitkey, ...(data === undefined ? {} : { "content-type": "application/json" }) },
      ...(data === undefined ? {} : { data: raw(data) }),
    });
    return { status: res.status(), headers: res.headers(), body: JSON.parse(await res.text()) as T };
  };
  return {
    get: <T = { name: string }>(path = "") => send<Ok<T>>("get", path),
    post: <T = { name: string }>(path: string, data: unknown) => send<Ok<T>>("post", path, data),
    patch: <T = { name: string }>(path: string, data: unknown) => send<Ok<T>>("patch", path, data),
    delete: <T = { name: string }>(path: string, data?: unknown) => send<Ok<T>>("delete", path, data),
  };
}

const enc = (name: string) => `/${encodeURIComponent(name)}`;

function expectError(res: Answer<unknown>, status: number, message?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as Err;
  expect(body.status).toBe(status);
  expect(typeof body.message).toBe("string");
  if (message) expect(body.message).toMatch(message);
}

function expectOk<T>(res: Answer<Ok<T>>, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.status).toBe(0);
  return res.body.data;
}

async function customerNamed(request: APIRequestContext, key: ApiKey, name: string): Promise<number> {
  return (await createCustomer(customersClient(request, key), { custname: name })).id;
}

test.describe("groups: groups by name", () => {
  test("create (skipped when the name exists), get by Chinese name, page, rename, delete", async ({ request, tenant }) => {
    const api = groupsClient(request, tenant.key);
    const name = `客户组 ${uid()}`;
    expect(expectOk(await api.post("", { name }), 201)).toEqual({ items: [{ name }] });
    expect(expectOk(await api.post("", { name }), 200)).toEqual({ items: [{ name }] });
    expect(expectOk(await api.get(enc(name)))).toEqual({ total: 1, items: [{ name }] });

    const all = expectOk(await api.get("?offset=0&limit=1000"));
    expect(all.items.filter((g) => g.name === name)).toHaveLength(1);
    const one = expectOk(await api.get("?limit=1"));
    expect([one.total, one.items.length]).toEqual([all.total, 1]);
    expect(expectOk(await api.get(`?offset=${all.total}`)).items).toEqual([]);
    for (const q of ["?limit=1001", "?offset=-1", "?limit=0", "?limit=x"]) expectError(await api.get(q), 400);

    const renamed = `${name} 新`;
    expect(expectOk(await api.patch(enc(name), { name: renamed }))).toEqual({ items: [{ name: renamed }] });
    expectError(await api.get(enc(name)), 404);
    const back = expectOk(await api.post(enc(renamed), { name }));
    expect(back).toEqual({ items: [{ name }] });
    expect(expectOk(await api.delete(enc(name)))).toEqual({ items: [{ name }] });
    expectError(await api.get(enc(name)), 404);
    expectError(await api.delete(enc(name)), 404);
  });

  test("rename to a taken name → 409; a name shared by several groups → 409; 256 characters → 400", async ({ request, tenant }) => {
    const api = groupsClient(request, tenant.key);
    const [a, b] = [`甲 ${uid()}`, `乙 ${uid()}`];
    await api.post("", { name: a });
    await api.post("", { name: b });
    expectError(await api.patch(enc(a), { name: b }), 409, /already exists/);
    expectError(await api.post("", { name: "组".repeat(256) }), 400, /name/);
    expect(expectOk(await api.post("", { name: "组".repeat(255) }), 201).items[0].name).toHaveLength(255);
    expectError(await api.get(enc("组".repeat(256))), 400);
    expectError(await api.patch(enc(a), { name: "" }), 400);
    expectError(await api.patch(enc(a), "{oops"), 400);
    expectError(await api.post("", { name: ["x"] }), 400, /name/);

    // two groups of one name can only come from the lists dialect (names there need not be unique)
    const token = await request.get(`/openapi/v1/oauth2/token?grant_type=client_credentials&appid=${tenant.key.appKey}&secret=${tenant.key.secret}`);
    const accessToken = (await token.json()).access_token;
    const shared = `同名 ${uid()}`;
    for (let i = 0; i < 2; i++) {
      expect((await request.post(`/openapi/v1/lists?access_token=${accessToken}`, { data: { name: shared } })).status()).toBe(201);
    }
    expect(expectOk(await api.post("", { name: shared }), 200)).toEqual({ items: [{ name: shared }] });
    expectError(await api.get(enc(shared)), 409, /several/);
    expectError(await api.patch(enc(shared), { name: `x ${uid()}` }), 409);
    expectError(await api.delete(enc(shared)), 409);
  });

  test("data: querys eq, like (% and _), in; sorts by name; paging in the query", async ({ request, tenant }) => {
    const api = groupsClient(request, tenant.key);
    const tag = uid();
    for (const n of ["b", "a", "c_1"]) await api.post("", { name: `q${tag}_${n}` });
    const search = (body: unknown, q = "") => api.post(`/data${q}`, body);
    const like = { name: "name", op: "like", values: [`q${tag}%`] };
    expect(expectOk(await search({ querys: [like], sorts: [{ name: "name" }] }))).toEqual({
      total: 3,
      items: [{ name: `q${tag}_a` }, { name: `q${tag}_b` }, { name: `q${tag}_c_1` }],
    });
    expect(expectOk(await search({ querys: [like], sorts: [{ name: "name", order: "desc" }] }, "?offset=1&limit=1"))).toEqual({
      total: 3,
      items: [{ name: `q${tag}_b` }],
    });
    expect(expectOk(await search({ querys: [{ name: "name", op: "like", values: [`q${tag}__`] }] })).items).toEqual([{ name: `q${tag}_b` }, { name: `q${tag}_a` }]);
    expect(expectOk(await search({ querys: [{ name: "name", op: "eq", values: [`q${tag}_a`] }] })).items).toEqual([{ name: `q${tag}_a` }]);
    expect(expectOk(await search({ querys: [{ name: "name", op: "in", values: [`q${tag}_a`, `q${tag}_c_1`, "nope"] }], sorts: [{ name: "name" }] })).items).toEqual([
      { name: `q${tag}_a` },
      { name: `q${tag}_c_1` },
    ]);
    for (const bad of [
      { querys: [{ name: "id", op: "eq", values: ["1"] }] },
      { querys: [{ name: "name", op: "gt", values: ["1"] }] },
      { querys: [{ name: "name", op: "eq", values: ["a", "b"] }] },
      { querys: [{ name: "name", op: "eq", values: [] }] },
      { querys: "name" },
      { sorts: [{ name: "createdAt" }] },
    ]) {
      expectError(await search(bad), 400);
    }
    expectError(await search({}, "?limit=1001"), 400);
    expectError(await search("[", ""), 400);
  });
});

test.describe("groups: customers by name", () => {
  test("add, list, move with groupName, remove; unknown → 404 and ambiguous → 409 naming the customer, nothing written", async ({ request, tenant }) => {
    const api = groupsClient(request, tenant.key);
    const [from, to] = [`来源 ${uid()}`, `目标 ${uid()}`];
    await api.post("", { name: from });
    await api.post("", { name: to });
    const [c1, c2, twin] = [`客户甲 ${uid()}`, `客户乙 ${uid()}`, `重名 ${uid()}`];
    await customerNamed(request, tenant.key, c1);
    await customerNamed(request, tenant.key, c2);
    await customerNamed(request, tenant.key, twin);
    await customerNamed(request, tenant.key, twin);

    expect(expectOk(await api.post(`${enc(from)}/customers`, [{ name: c1 }, { name: c2, groupName: from }]))).toEqual({
      items: [
        { name: c1, groupName: from },
        { name: c2, groupName: from },
      ],
    });
    expect(expectOk(await api.get(`${enc(from)}/customers`))).toEqual({ total: 2, items: [{ name: c1, groupName: from }, { name: c2, groupName: from }] });
    expect(expectOk(await api.get(`${enc(from)}/customers?offset=1&limit=1`))).toEqual({ total: 2, items: [{ name: c2, groupName: from }] });

    expectError(await api.post(`${enc(to)}/customers`, [{ name: c1, groupName: from }, { name: `无此人 ${uid()}` }]), 404, /1\.name.*not found/);
    expectError(await api.post(`${enc(to)}/customers`, [{ name: twin }, { name: c1, groupName: from }]), 409, /0\.name.*重名/);
    expect(expectOk(await api.get(`${enc(to)}/customers`)).total).toBe(0);
    expect(expectOk(await api.get(`${enc(from)}/customers`)).total).toBe(2);

    // c1 moves from `from` to `to`
    expect(expectOk(await api.post(`${enc(to)}/customers`, [{ name: c1, groupName: from }]))).toEqual({ items: [{ name: c1, groupName: to }] });
    expect(expectOk(await api.get(`${enc(from)}/customers`)).items).toEqual([{ name: c2, groupName: from }]);
    expect(expectOk(await api.get(`${enc(to)}/customers`)).items).toEqual([{ name: c1, groupName: to }]);

    expectError(await api.delete(enc(to)), 409, /member/);
    expectError(await api.delete(`${enc(to)}/customers`, [{ name: c1, groupName: to }, { name: c2, groupName: to }]), 404, /1\.name/);
    expectError(await api.delete(`${enc(to)}/customers`, [{ name: c1, groupName: from }]), 400, /0\.groupName/);
    expect(expectOk(await api.delete(`${enc(to)}/customers`, [{ name: c1, groupName: to }]))).toEqual({ items: [{ name: c1 }] });
    expect(expectOk(await api.delete(enc(to)))).toEqual({ items: [{ name: to }] });

    for (const bad of [{}, [], [{ groupName: from }], [{ name: 5 }], "[{"]) expectError(await api.post(`${enc(from)}/customers`, bad), 400);
    expectError(await api.get(`${enc(`无此组 ${uid()}`)}/customers`), 404);
    expectError(await api.get(`${enc(from)}/customers?limit=1001`), 400);
  });
});

test.describe("groups: credentials and scopes", () => {
  test("no or a bad bitkey → 401; the read-only key reads but writing is a 403; another tenant sees none of ours", async ({ request, tenant, otherTenant }) => {
    const api = groupsClient(request, tenant.key);
    const name = `私有 ${uid()}`;
    await api.post("", { name });
    expectError(await groupsClient(request, "").get(), 401);
    expectError(await groupsClient(request, `${tenant.key.appKey}.wrong`).get(), 401);

    const reader = groupsClient(request, tenant.readOnlyKey);
    expect(expectOk(await reader.get(enc(name)))).toEqual({ total: 1, items: [{ name }] });
    expect(expectOk(await reader.post("/data", { querys: [{ name: "name", op: "eq", values: [name] }] })).total).toBe(1);
    expectError(await reader.post("", { name: "x" }), 403, /groups:write/);
    expectError(await reader.patch(enc(name), { name: "x" }), 403);
    expectError(await reader.delete(enc(name)), 403);
    expectError(await reader.post(`${enc(name)}/customers`, [{ name: "x" }]), 403);

    const other = groupsClient(request, otherTenant.key);
    expectError(await other.get(enc(name)), 404);
    expect(expectOk(await other.post("/data", { querys: [{ name: "name", op: "eq", values: [name] }] })).total).toBe(0);
  });
});

test.describe("groups and lists: one set of records", () => {
  test("create by name, add by id, list by name, count by id, rename by name, delete by id", async ({ request, tenant }) => {
    const groups = groupsClient(request, tenant.key);
    const tokenRes = await request.get(`/openapi/v1/oauth2/token?grant_type=client_credentials&appid=${tenant.key.appKey}&secret=${tenant.key.secret}`);
    const token = (await tokenRes.json()).access_token as string;
    const lists = (path: string, query: Record<string, string | number> = {}) =>
      `/openapi/v1/${path}?${new URLSearchParams({ access_token: token, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) })}`;

    const name = `旅程 ${uid()}`;
    expectOk(await groups.post("", { name }), 201);
    const customerName = `旅客 ${uid()}`;
    const customerId = await customerNamed(request, tenant.key, customerName);

    const all = (await (await request.get(lists("lists", { rows: 1000, sidx: "id", sord: "desc" }))).json()) as { rows: { id: number; name: string }[] };
    const list = all.rows.find((r) => r.name === name)!;
    expect(list).toBeDefined();

    const added = await request.post(lists("listMembers"), { data: { data: { customerId, listId: list.id } } });
    expect(added.status()).toBe(201);

    expect(expectOk(await groups.get(`${enc(name)}/customers`))).toEqual({ total: 1, items: [{ name: customerName, groupName: name }] });
    expect(await (await request.get(lists("listservice/memberCount", { listId: list.id }))).json()).toEqual({ count: 1 });

    const renamed = `${name} 改`;
    expectOk(await groups.patch(enc(name), { name: renamed }));
    const del = await request.delete(lists(`lists/${list.id}`));
    expect(del.status()).toBe(200);
    expect((await del.json()).name).toBe(renamed);
    expectError(await groups.get(enc(renamed)), 404);
    // the customer is still there
    expect((await customersClient(request, tenant.key).get<{ result: { id: number }[] }>("get_customer", { type: "id", content: customerId })).body.result).toHaveLength(1);
  });
});
