import { expect, test } from "../fixtures";

// Answers that never reach a route handler's body: a wrong method, an unknown path, a path Next
// cannot decode, and strings no database stores alike. Each keeps its envelope.

test.describe("the edges of /openapi and /api", () => {
  test("a wrong method is a 405 with Allow in the dialect's envelope", async ({ request }) => {
    const events = await request.get("/openapi/auth/token");
    expect(events.status()).toBe(405);
    expect(events.headers()["allow"]).toBe("POST");
    expect(await events.json()).toMatchObject({ code: -1, data: null });

    const customers = await request.post("/openapi/customers/get_customer", { data: {} });
    expect(customers.status()).toBe(405);
    expect(customers.headers()["allow"]).toBe("GET");
    expect(await customers.json()).toMatchObject({ success: false, code: 405 });
  });

  test("an unknown path under /openapi is a 404 in its dialect's envelope, not an HTML page", async ({ request }) => {
    const events = await request.post("/openapi/event-type/nope", { data: {} });
    expect(events.status()).toBe(404);
    expect(await events.json()).toMatchObject({ code: -1, data: null });
    const customers = await request.get("/openapi/customers/nope");
    expect(customers.status()).toBe(404);
    expect(await customers.json()).toMatchObject({ success: false, code: 2005 });
  });

  test("a console API path with a non-UTF-8 percent-escape is a JSON 400, before the session check", async ({ request }) => {
    const res = await request.get("/api/customers/%ED%A0%80");
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ error: { kind: "invalid", reason: "invalid_string" } });
  });

  test("an /openapi path with a non-UTF-8 percent-escape is a 400 in the dialect's envelope", async ({ request }) => {
    const customers = await request.get("/openapi/customers/get_customer/%ED%A0%80");
    expect(customers.status()).toBe(400);
    expect(await customers.json()).toMatchObject({ success: false, code: 2000 });

    const events = await request.post("/openapi/customer-event/%ED%A0%80", { data: {} });
    expect(events.status()).toBe(400);
    expect(await events.json()).toMatchObject({ code: -1, data: null, msg: expect.stringMatching(/percent-escape/) });

    const lists = await request.get("/openapi/v1/%ED%A0%80");
    expect(lists.status()).toBe(400);
    expect(await lists.json()).toMatchObject({ error: { message: expect.stringMatching(/percent-escape/) } });
  });

  test("a lone surrogate in auth/token is a 400 naming the field", async ({ request }) => {
    const res = await request.post("/openapi/auth/token", {
      headers: { "content-type": "application/json" },
      data: '{"appKey":"x","secret":"\\ud800"}',
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).msg).toMatch(/^secret: /);
  });
});
