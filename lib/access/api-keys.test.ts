import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sha256Hex } from "@/lib/access/secret";
import { db } from "@/lib/db/client";
import type { Dialect } from "@/lib/http/dialect";
import { withApiKey } from "@/lib/http/with-api-key";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { groupsDialect } from "@/lib/openapi/groups/envelope";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { scenariosDialect } from "@/lib/openapi/scenarios/envelope";
import { makeApiKey, makeTenant } from "@/lib/test/factories";
import { issueToken, revokeApiKey } from "./api-keys";

type Key = { appKey: string; secret: string };

/** How an integrator of each dialect presents a key. */
async function credentialed(dialect: Dialect, key: Key, path = "/openapi/x"): Promise<Request> {
  const url = new URL(`http://localhost${path}`);
  const headers = new Headers({ "content-type": "application/json" });
  switch (dialect.name) {
    case "events":
      headers.set("token", (await issueToken(key.appKey, key.secret)).token);
      break;
    case "lists":
      url.searchParams.set("access_token", (await issueToken(key.appKey, key.secret)).token);
      break;
    case "customers": {
      const ts = String(Math.floor(Date.now() / 1000));
      url.searchParams.set("appid", key.appKey);
      url.searchParams.set("timestamp", ts);
      url.searchParams.set("sign", sha256Hex(key.appKey + ts + key.secret));
      break;
    }
    case "scenarios":
      headers.set("x-api-key", `${key.appKey}.${key.secret}`);
      break;
    case "groups":
      headers.set("bitkey", `${key.appKey}.${key.secret}`);
      break;
  }
  return new Request(url, { method: "GET", headers });
}

const dialects = [eventsDialect, listsDialect, customersDialect, scenariosDialect, groupsDialect];

function whoAmI(dialect: Dialect) {
  return withApiKey(dialect, { scopes: ["customers:read"] }, async ({ tenantId, principal }) => ({
    tenantId,
    key: principal.apiKeyName,
  }));
}

describe.each(dialects.map((d) => [d.name, d] as const))("%s credential scheme", (_name, dialect) => {
  it("admits a valid key and scopes the call to its tenant", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id, "customers:read");
    const res = await whoAmI(dialect)(await credentialed(dialect, key));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`"tenantId":${tenant.id}`);
  });

  it("answers 401 in the dialect's envelope without a credential", async () => {
    const res = await whoAmI(dialect)(new Request("http://localhost/openapi/x"));
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toContain("tenantId");
    if (dialect.name === "events") expect(body).toMatchObject({ code: -1, data: null });
    if (dialect.name === "lists") expect(body).toMatchObject({ error: { code: 401 } });
    if (dialect.name === "customers") expect(body).toMatchObject({ success: false });
    if (dialect.name === "scenarios") expect(body).toMatchObject({ status: 401, title: "Unauthorized" });
    if (dialect.name === "groups") expect(body).toMatchObject({ status: 401 });
  });

  it("answers 401 with a wrong secret and after the key is revoked", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id, "customers:read");
    const wrong = await credentialed(dialect, key).catch(() => null);
    // a forged secret: for token dialects the exchange itself must fail
    if (dialect.name === "events" || dialect.name === "lists") {
      await expect(issueToken(key.appKey, key.secret + "x")).rejects.toMatchObject({ kind: "unauthorized" });
    } else {
      const bad = await credentialed(dialect, { appKey: key.appKey, secret: key.secret + "x" });
      expect((await whoAmI(dialect)(bad)).status).toBe(401);
    }
    const row = await db.apiKey.findUniqueOrThrow({ where: { appKey: key.appKey } });
    await revokeApiKey(tenant.id, row.id);
    expect((await whoAmI(dialect)(wrong!)).status).toBe(401);
  });

  it("answers 403 when the key lacks the route's scope", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id, "groups:read");
    const res = await whoAmI(dialect)(await credentialed(dialect, key));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("customers:read");
  });

  it("answers 429 with Retry-After past the key's burst", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id, "all", { ratePerSecond: 1, burst: 3 });
    const route = whoAmI(dialect);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await route(await credentialed(dialect, key));
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        if (dialect.name === "customers") expect(await res.json()).toMatchObject({ code: 429, message: "api接口超过请求限制" });
      }
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe("customers signature", () => {
  it("refuses a signature whose timestamp is ten minutes old", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const ts = String(Math.floor(Date.now() / 1000) - 600);
    const url = new URL("http://localhost/openapi/customers/get_customer");
    url.searchParams.set("appid", key.appKey);
    url.searchParams.set("timestamp", ts);
    url.searchParams.set("sign", sha256Hex(key.appKey + ts + key.secret));
    const res = await whoAmI(customersDialect)(new Request(url));
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/window/);
  });

  it("echoes callbackId on success and failure", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const req = await credentialed(customersDialect, key, "/openapi/customers/x?callbackId=222000");
    expect(await (await whoAmI(customersDialect)(req)).json()).toMatchObject({ success: true, code: 1000, callbackId: 222000 });
    const anon = await whoAmI(customersDialect)(new Request("http://localhost/openapi/customers/x?callbackId=7"));
    expect(await anon.json()).toMatchObject({ success: false, callbackId: 7 });
  });
});

describe("request bodies", () => {
  const echo = withApiKey(eventsDialect, { scopes: ["customers:write"], body: z.object({ name: z.string() }) }, async ({ body }) => body);

  async function post(key: Key, raw: string) {
    const req = await credentialed(eventsDialect, key);
    return echo(new Request(req.url, { method: "POST", headers: req.headers, body: raw }));
  }

  it("rejects malformed JSON with 400 and a body over 1 MiB with 413", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const bad = await post(key, "{name:");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: -1, msg: "malformed JSON body", data: null });
    const big = await post(key, JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) }));
    expect(big.status).toBe(413);
    const wrongType = await post(key, JSON.stringify({ name: 5 }));
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).msg).toContain("name");
    const ok = await post(key, JSON.stringify({ name: "fine" }));
    expect(await ok.json()).toEqual({ code: 0, msg: "success", data: { name: "fine" } });
  });
});

describe("token exchange", () => {
  it("stores only a hash of the secret and of issued tokens", async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.id);
    const { token } = await issueToken(key.appKey, key.secret);
    const row = await db.apiKey.findUniqueOrThrow({ where: { appKey: key.appKey } });
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const tokens = await db.accessToken.findMany({ where: { apiKeyId: row.id } });
    expect(JSON.stringify(tokens)).not.toContain(token);
  });
});
