import type { APIRequestContext } from "@playwright/test";
import { makeTenant, type ApiKey } from "../fixtures";
import { expect, test } from "./api-test";
import { createCustomer, customersClient, raw, uid, type Answer } from "./helpers";

// The lists dialect (seed 001, DM Hub) driven like an integrator: a token from oauth2/token in the
// access_token query, lists and members by id, bare resources, errors {error:{code, message}}.

interface WireList {
  id: number;
  name: string;
  dateCreated: string;
  lastUpdated: string;
}
interface WireMember {
  id: number;
  listId: number;
  customerId: number;
  dateCreated: string;
  lastUpdated: string;
}
type Err = { error: { code: number; message: string } };

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

async function listsClient(request: APIRequestContext, key: ApiKey) {
  const res = await request.get(`/openapi/v1/oauth2/token?grant_type=client_credentials&appid=${encodeURIComponent(key.appKey)}&secret=${encodeURIComponent(key.secret)}`);
  expect(res.status()).toBe(200);
  const token: string = (await res.json()).access_token;
  const url = (path: string, query: Record<string, string | number> = {}) =>
    `/openapi/v1/${path}?${new URLSearchParams({ access_token: token, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) })}`;
  const answer = async <T>(r: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<Answer<T>> => ({
    status: r.status(),
    headers: r.headers(),
    body: JSON.parse((await r.text()) || "null") as T,
  });
  const body = (data: unknown) => ({ headers: { "content-type": "application/json" }, data: raw(data) });
  return {
    token,
    get: async <T = unknown>(path: string, query?: Record<string, string | number>) => answer<T>(await request.get(url(path, query))),
    post: async <T = unknown>(path: string, data?: unknown, query?: Record<string, string | number>) =>
      answer<T>(await request.post(url(path, query), data === undefined ? {} : body(data))),
    delete: async <T = unknown>(path: string) => answer<T>(await request.delete(url(path))),
  };
}
type Lists = Awaited<ReturnType<typeof listsClient>>;

function expectError(res: Answer<unknown>, status: number, message?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as Err;
  expect(body.error.code).toBe(status);
  expect(typeof body.error.message).toBe("string");
  if (message) expect(body.error.message).toMatch(message);
}

async function newList(api: Lists, name = `名单 ${uid()}`): Promise<WireList> {
  const res = await api.post<WireList>("lists", { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function newCustomers(request: APIRequestContext, key: ApiKey, n: number): Promise<number[]> {
  const api = customersClient(request, key);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await createCustomer(api, { custname: `群组客户 ${uid()}` })).id);
  return ids;
}

test.describe("lists: lists", () => {
  test("create answers the list; names repeat; GET pages jqGrid-style with sidx and sord", async ({ request }) => {
    const fresh = makeTenant("lists");
    const api = await listsClient(request, fresh.key);
    const a = await newList(api, "金卡会员");
    expect(a).toEqual({ id: expect.any(Number), name: "金卡会员", dateCreated: expect.stringMatching(TIME), lastUpdated: expect.stringMatching(TIME) });
    const b = await newList(api, "金卡会员");
    expect(b.id).not.toBe(a.id);
    const c = await newList(api, "A 会员");

    const first = await api.get<{ page: number; records: number; total: number; rows: WireList[] }>("lists", { rows: 2, page: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ page: 1, records: 3, total: 2, rows: [a, b] });
    expect((await api.get<{ rows: WireList[] }>("lists", { rows: 2, page: 2 })).body.rows).toEqual([c]);
    expect((await api.get<{ rows: WireList[] }>("lists", { rows: 2, page: 3 })).body).toEqual({ page: 3, records: 3, total: 2, rows: [] });
    const byName = await api.get<{ rows: WireList[] }>("lists", { sidx: "name", sord: "desc" });
    expect(byName.body.rows.map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect((await api.get<{ rows: WireList[] }>("lists", { sidx: "id", sord: "desc" })).body.rows.map((r) => r.id)).toEqual([c.id, b.id, a.id]);

    for (const query of <Record<string, string | number>[]>[{ page: 0 }, { rows: 0 }, { rows: 1001 }, { sidx: "colour" }, { sord: "up" }, { page: "x" }]) {
      expectError(await api.get("lists", query), 400);
    }
  });

  test("names: 255 characters are fine, 256 or empty or a NUL are a 400; malformed JSON is a 400", async ({ request, tenant }) => {
    const api = await listsClient(request, tenant.key);
    expect((await newList(api, "名".repeat(255))).name).toHaveLength(255);
    expectError(await api.post("lists", { name: "名".repeat(256) }), 400, /name/);
    expectError(await api.post("lists", { name: "" }), 400, /name/);
    expectError(await api.post("lists", { name: 12 }), 400, /name/);
    expectError(await api.post("lists", { name: "a\u0000b" }), 400, /name/);
    expectError(await api.post("lists", "{"), 400);
    expectError(await api.post("lists", {}), 400, /name/);
  });

  test("delete removes the list and its memberships, never the customers; unknown or foreign → 404", async ({ request, tenant, otherTenant }) => {
    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const [c] = await newCustomers(request, tenant.key, 1);
    const member = (await api.post<{ data: WireMember }>("listMembers", { data: { customerId: c, listId: list.id } })).body.data;
    const other = await listsClient(request, otherTenant.key);
    expectError(await other.delete(`lists/${list.id}`), 404);
    const del = await api.delete<WireList>(`lists/${list.id}`);
    expect([del.status, del.body]).toEqual([200, list]);
    expectError(await api.delete(`lists/${list.id}`), 404);
    expectError(await api.delete(`listMembers/${member.id}`), 404);
    expectError(await api.get("listservice/memberCount", { listId: list.id }), 404);
    expect((await customersClient(request, tenant.key).get<{ result: { id: number }[] }>("get_customer", { type: "id", content: c })).body.result).toHaveLength(1);
    expectError(await api.delete("lists/abc"), 400);
  });
});

test.describe("lists: members", () => {
  test("add answers {data}: 201 new, 200 with the same membership again; remove by membership id", async ({ request, tenant }) => {
    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const [c] = await newCustomers(request, tenant.key, 1);
    const first = await api.post<{ data: WireMember }>("listMembers", { data: { customerId: c, listId: list.id } });
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ id: expect.any(Number), listId: list.id, customerId: c, dateCreated: expect.stringMatching(TIME), lastUpdated: expect.stringMatching(TIME) });
    const again = await api.post<{ data: WireMember }>("listMembers", { data: { customerId: c, listId: list.id } });
    expect([again.status, again.body]).toEqual([200, first.body]);
    expect((await api.get("listservice/memberCount", { listId: list.id })).body).toEqual({ count: 1 });
    const removed = await api.delete<WireMember>(`listMembers/${first.body.data.id}`);
    expect([removed.status, removed.body]).toEqual([200, first.body.data]);
    expectError(await api.delete(`listMembers/${first.body.data.id}`), 404);
    expect((await api.get("listservice/memberCount", { listId: list.id })).body).toEqual({ count: 0 });
  });

  test("bad adds: unknown or foreign customer or list → 404; wrong types and malformed JSON → 400", async ({ request, tenant, otherTenant }) => {
    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const [c] = await newCustomers(request, tenant.key, 1);
    const [foreign] = await newCustomers(request, otherTenant.key, 1);
    const theirList = await newList(await listsClient(request, otherTenant.key));
    expectError(await api.post("listMembers", { data: { customerId: 999_999_999, listId: list.id } }), 404, /customer/);
    expectError(await api.post("listMembers", { data: { customerId: foreign, listId: list.id } }), 404, /customer/);
    expectError(await api.post("listMembers", { data: { customerId: c, listId: theirList.id } }), 404, /group|list/);
    expectError(await api.post("listMembers", { data: { customerId: "x", listId: list.id } }), 400, /customerId/);
    expectError(await api.post("listMembers", { customerId: c, listId: list.id }), 400, /data/);
    expectError(await api.post("listMembers", '{"data": {'), 400);
    expect((await api.get("listservice/memberCount", { listId: list.id })).body).toEqual({ count: 0 });
  });

  test("listMembersBatch is all or none: one bad item is a 400 naming it and nothing is written", async ({ request, tenant }) => {
    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const ids = await newCustomers(request, tenant.key, 3);
    const bad = await api.post("listMembersBatch", {
      items: [
        { customerId: ids[0], listId: list.id },
        { customerId: 999_999_999, listId: list.id },
        { customerId: ids[1], listId: list.id },
      ],
    });
    expectError(bad, 400, /items\.1\.customerId/);
    expect((await api.get("listservice/memberCount", { listId: list.id })).body).toEqual({ count: 0 });
    expectError(await api.post("listMembersBatch", { items: [{ customerId: ids[0], listId: list.id }, { customerId: -1, listId: list.id }] }), 400, /items\.1\.customerId/);
    expectError(await api.post("listMembersBatch", { items: [] }), 400, /items/);
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ customerId: i + 1, listId: list.id }));
    expectError(await api.post("listMembersBatch", { items: tooMany }), 400, /10000/);

    const ok = await api.post<{ items: WireMember[] }>("listMembersBatch", { items: ids.map((customerId) => ({ customerId, listId: list.id })) });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((m) => [m.customerId, m.listId])).toEqual(ids.map((c) => [c, list.id]));
    // again: the same memberships, nothing doubled
    const again = await api.post<{ items: WireMember[] }>("listMembersBatch", { items: ids.map((customerId) => ({ customerId, listId: list.id })) });
    expect(again.body.items.map((m) => m.id)).toEqual(ok.body.items.map((m) => m.id));
    expect((await api.get("listservice/memberCount", { listId: list.id })).body).toEqual({ count: 3 });
  });

  test("removeFromList answers {removed}; listMembers pages by sinceId on sidx both ways", async ({ request, tenant }) => {
    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const ids = await newCustomers(request, tenant.key, 5);
    await api.post("listMembersBatch", { items: ids.map((customerId) => ({ customerId, listId: list.id })) });

    const page = (q: Record<string, string | number>) => api.get<{ items: WireMember[] }>("listMembers", { listId: list.id, ...q });
    const p1 = await page({ rows: 2 });
    expect(p1.body.items.map((m) => m.customerId)).toEqual(ids.slice(0, 2));
    const p2 = await page({ rows: 2, sinceId: ids[1] });
    expect(p2.body.items.map((m) => m.customerId)).toEqual(ids.slice(2, 4));
    const down = await page({ rows: 2, sord: "desc", sinceId: ids[3] });
    expect(down.body.items.map((m) => m.customerId)).toEqual([ids[2], ids[1]]);
    const all = (await page({ sidx: "id" })).body.items;
    expect(all).toHaveLength(5);
    expect((await page({ sidx: "id", sinceId: all[0].id })).body.items).toEqual(all.slice(1));
    expect((await page({ sidx: "id", sord: "desc", sinceId: all[4].id })).body.items).toEqual(all.slice(0, 4).reverse());
    expect((await api.get<{ items: WireMember[] }>("listMembers", { customerId: ids[0], sidx: "listId" })).body.items.map((m) => m.listId)).toContain(list.id);
    for (const q of <Record<string, string | number>[]>[{ rows: 10_001 }, { rows: 0 }, { sidx: "name" }, { sord: "sideways" }, { sinceId: "x" }, { listId: "x" }]) expectError(await page(q), 400);
    expect((await page({ rows: 10_000 })).body.items).toHaveLength(5);

    const removed = await api.post("listservice/removeFromList", undefined, { customerIds: `${ids[0]},${ids[1]},999999999`, listId: list.id });
    expect([removed.status, removed.body]).toEqual([200, { removed: 2 }]);
    expect((await api.get("listservice/memberCount", { listId: list.id })).body).toEqual({ count: 3 });
    expectError(await api.post("listservice/removeFromList", undefined, { customerIds: "1,x", listId: list.id }), 400, /customerIds/);
    expectError(await api.post("listservice/removeFromList", undefined, { listId: list.id }), 400, /customerIds/);
    expectError(await api.post("listservice/removeFromList", undefined, { customerIds: "1", listId: 999_999_999 }), 404);
  });

  test("memberCount counts joins between joinListDateSince and joinListDateTo (UTC, both included)", async ({ request, tenant }) => {
    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const ids = await newCustomers(request, tenant.key, 2);
    const added = await api.post<{ items: WireMember[] }>("listMembersBatch", { items: ids.map((customerId) => ({ customerId, listId: list.id })) });
    const joined = added.body.items[0].dateCreated.replace("Z", "");
    const count = async (q: Record<string, string>) => (await api.get<{ count: number }>("listservice/memberCount", { listId: list.id, ...q })).body;
    expect(await count({})).toEqual({ count: 2 });
    expect(await count({ joinListDateSince: joined, joinListDateTo: joined })).toEqual({ count: 2 });
    expect(await count({ joinListDateSince: "2016-11-11T11:11:11", joinListDateTo: "2016-11-12T11:11:11" })).toEqual({ count: 0 });
    expect(await count({ joinListDateSince: "2016-11-11T11:11:11Z" })).toEqual({ count: 2 });
    for (const bad of ["2016-11-11 11:11:11", "2016-13-01T00:00:00", "1800-01-01T00:00:00", "yesterday"]) {
      expectError(await api.get("listservice/memberCount", { listId: list.id, joinListDateSince: bad }), 400, /joinListDateSince/);
    }
    expectError(await api.get("listservice/memberCount", {}), 400, /listId/);
    expectError(await api.get("listservice/memberCount", { listId: list.id, joinListDateSince: "2017-01-02T00:00:00", joinListDateTo: "2017-01-01T00:00:00" }), 400);
  });
});

test.describe("lists: credentials and scopes", () => {
  test("no or a bad token → 401; the read-only key reads but writing is a 403; another tenant's list is unknown", async ({ request, tenant, otherTenant }) => {
    const res = await request.get("/openapi/v1/lists");
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe(401);
    expect((await request.get("/openapi/v1/lists?access_token=nope")).status()).toBe(401);

    const api = await listsClient(request, tenant.key);
    const list = await newList(api);
    const reader = await listsClient(request, tenant.readOnlyKey);
    expect((await reader.get("lists")).status).toBe(200);
    expect((await reader.get("listservice/memberCount", { listId: list.id })).status).toBe(200);
    expectError(await reader.post("lists", { name: "x" }), 403, /groups:write/);
    expectError(await reader.delete(`lists/${list.id}`), 403);
    expectError(await reader.post("listMembers", { data: { customerId: 1, listId: list.id } }), 403);
    expectError(await reader.post("listMembersBatch", { items: [{ customerId: 1, listId: list.id }] }), 403);
    expectError(await reader.post("listservice/removeFromList", undefined, { customerIds: "1", listId: list.id }), 403);

    const other = await listsClient(request, otherTenant.key);
    expectError(await other.get("listservice/memberCount", { listId: list.id }), 404);
    expectError(await other.get("listMembers", { listId: list.id }), 404);
    expect((await other.get<{ rows: WireList[] }>("lists", { rows: 1000 })).body.rows.map((r) => r.id)).not.toContain(list.id);
  });
});
