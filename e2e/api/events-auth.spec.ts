import { cli, expect, signed, test } from "../fixtures";
import { expectEventsError, expectEventsOk, type EventsBody } from "./helpers";

// The credentials of the events dialect (token header) and the lists dialect's DM Hub token
// exchange, and the per-key rate limit, as an integrator meets them.

test.describe("POST /openapi/auth/token", () => {
  test("an appKey and secret buy a token that opens the events routes", async ({ request, tenant }) => {
    const res = await request.post("/openapi/auth/token", { data: { appKey: tenant.key.appKey, secret: tenant.key.secret } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ code: 0, msg: "success", data: { token: expect.any(String), expiresIn: 7200 } });
    expect(body.data.token.length).toBeGreaterThanOrEqual(32);

    const stages = await request.get("/openapi/stage/queryList", { headers: { token: body.data.token } });
    expect(stages.status()).toBe(200);
    expect((await stages.json()).data.map((s: { stageName: string }) => s.stageName)).toEqual([
      "新客户",
      "意向客户",
      "成交客户",
      "复购客户",
      "流失客户",
    ]);
  });

  test("each exchange gives a fresh token, and both stay valid", async ({ request, tenant }) => {
    const pair = { appKey: tenant.key.appKey, secret: tenant.key.secret };
    const a = (await (await request.post("/openapi/auth/token", { data: pair })).json()).data.token;
    const b = (await (await request.post("/openapi/auth/token", { data: pair })).json()).data.token;
    expect(a).not.toBe(b);
    for (const token of [a, b]) expect((await request.get("/openapi/stage/queryList", { headers: { token } })).status()).toBe(200);
  });

  test("a wrong secret or an unknown appKey is a 401 in the events envelope", async ({ request, tenant }) => {
    for (const data of [
      { appKey: tenant.key.appKey, secret: "not-the-secret" },
      { appKey: "ak_does-not-exist", secret: tenant.key.secret },
      // another key's secret does not open this key
      { appKey: tenant.key.appKey, secret: tenant.readOnlyKey.secret },
    ]) {
      const res = await request.post("/openapi/auth/token", { data });
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({ code: -1, msg: "invalid API key or secret", data: null });
    }
  });

  test("a body without secret, with wrong types or not JSON is a 400 naming the problem", async ({ request, tenant }) => {
    const missing = await request.post("/openapi/auth/token", { data: { appKey: tenant.key.appKey } });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({ code: -1, msg: "secret: is required", data: null });

    const wrongType = await request.post("/openapi/auth/token", { data: { appKey: 12, secret: true } });
    expect(wrongType.status()).toBe(400);
    expect(await wrongType.json()).toEqual({ code: -1, msg: "appKey: must be a string; secret: must be a string", data: null });

    const malformed = await request.post("/openapi/auth/token", {
      headers: { "content-type": "application/json" },
      data: Buffer.from('{"appKey": "ak_'),
    });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toEqual({ code: -1, msg: "malformed JSON body", data: null });
  });

  test("a request without a token, or with a made-up one, is a 401", async ({ request, tenant }) => {
    const none = await request.get("/openapi/event-type/queryList");
    expectEventsError({ status: none.status(), headers: none.headers(), body: await none.json() }, 401, "access token missing");

    const made = await request.post("/openapi/event-type/add", { headers: { token: "made-up-token" }, data: {} });
    expectEventsError({ status: made.status(), headers: made.headers(), body: await made.json() }, 401, "access token is invalid or expired");

    // the secret itself is not a token
    const asSecret = await request.get("/openapi/stage/queryList", { headers: { token: tenant.key.secret } });
    expect(asSecret.status()).toBe(401);
    expect((await asSecret.json()).code).toBe(-1);
  });
});

test.describe("GET /openapi/v1/oauth2/token (lists dialect)", () => {
  test("client_credentials answers DM Hub's bare {access_token, expires_in}", async ({ request, tenant }) => {
    const res = await request.get("/openapi/v1/oauth2/token", {
      params: { grant_type: "client_credentials", appid: tenant.key.appKey, secret: tenant.key.secret },
    });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(body).not.toHaveProperty("code");
  });

  test("a missing or wrong grant_type is a 400 and a wrong secret a 401, in the lists envelope", async ({ request, tenant }) => {
    const noGrant = await request.get("/openapi/v1/oauth2/token", { params: { appid: tenant.key.appKey, secret: tenant.key.secret } });
    expect(noGrant.status()).toBe(400);
    expect(await noGrant.json()).toEqual({
      error: {
        code: 400,
        message: "grant_type: is required (client_credentials)",
        details: [{ path: "grant_type", message: "is required (client_credentials)" }],
      },
    });

    const password = await request.get("/openapi/v1/oauth2/token", {
      params: { grant_type: "password", appid: tenant.key.appKey, secret: tenant.key.secret },
    });
    expect(password.status()).toBe(400);
    expect((await password.json()).error.message).toBe("grant_type: must be client_credentials");

    const noAppid = await request.get("/openapi/v1/oauth2/token", { params: { grant_type: "client_credentials", secret: "s" } });
    expect(noAppid.status()).toBe(400);
    expect((await noAppid.json()).error.details).toEqual([{ path: "appid", message: "is required" }]);

    const wrong = await request.get("/openapi/v1/oauth2/token", {
      params: { grant_type: "client_credentials", appid: tenant.key.appKey, secret: "wrong" },
    });
    expect(wrong.status()).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 401, message: "invalid API key or secret" } });
  });
});

// One key made by the CLI serves both checks below (each CLI call costs seconds on a busy machine).
test.describe("rate limit and revocation", () => {
  test("a key over its rate gets 429 with Retry-After in every dialect, recovers after the wait, and revoking it ends its tokens", async ({ request, tenant }) => {
    const slow = cli("apikey:create", "--tenant", tenant.slug, "--name", "slow", "--scopes", "all", "--rate", "1", "--burst", "2") as {
      appKey: string;
      secret: string;
    };
    // the token exchange itself is not limited: it only proves the secret
    const token = (await (await request.post("/openapi/auth/token", { data: slow })).json()).data.token as string;

    const statuses: number[] = [];
    let limited: { status: number; headers: Record<string, string>; body: EventsBody } | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await request.get("/openapi/stage/queryList", { headers: { token } });
      statuses.push(res.status());
      if (res.status() === 429) limited = { status: 429, headers: res.headers(), body: await res.json() };
    }
    // a burst of 2 goes through, then the bucket is empty
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(limited, `statuses: ${statuses.join(",")}`).toBeDefined();
    expectEventsError(limited!, 429, "rate limit exceeded");
    const retryAfter = Number(limited!.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);

    // the limit is the key's, whatever dialect it speaks: the customers dialect answers its code 429
    const customers = await request.get(`/openapi/customers/filter_customers?${signed(slow)}`);
    expect(customers.status()).toBe(429);
    expect(customers.headers()["retry-after"]).toMatch(/^[12]$/);
    expect(await customers.json()).toEqual({ success: false, code: 429, message: "api接口超过请求限制" });

    // a well-behaved client waits as told and is served again
    await new Promise((r) => setTimeout(r, (Number(customers.headers()["retry-after"]) + 0.2) * 1000));
    const after = await request.get("/openapi/stage/queryList", { headers: { token } });
    expect(expectEventsOk({ status: after.status(), headers: after.headers(), body: await after.json() })).toHaveLength(5);

    // other keys of the tenant are not slowed down by it
    const other = await request.post("/openapi/auth/token", { data: tenant.key });
    expect(other.status()).toBe(200);

    // revoking the key ends its tokens at once, and it buys no new one
    expect(cli("apikey:revoke", "--tenant", tenant.slug, "--app-key", slow.appKey)).toEqual({ revoked: slow.appKey });
    const revoked = await request.get("/openapi/stage/queryList", { headers: { token } });
    expect(revoked.status()).toBe(401);
    expect(await revoked.json()).toEqual({ code: -1, msg: "access token is invalid or expired", data: null });
    const again = await request.post("/openapi/auth/token", { data: slow });
    expect(again.status()).toBe(401);
    expect(await again.json()).toEqual({ code: -1, msg: "invalid API key or secret", data: null });
  });
});
