import { expect, test } from "../fixtures";

// The machine-readable reference an integrator generates a client from: it must be OpenAPI 3.1,
// list every public route this project serves with the right credential, and agree with the server.

type Method = "get" | "post" | "put" | "delete";

interface Operation {
  security?: Record<string, string[]>[];
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
}

interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }>; schemas: Record<string, unknown> };
}

const EVENTS = [{ eventsToken: [] }];
const CUSTOMERS = [{ customersAppId: [], customersTimestamp: [], customersSignature: [] }];

const ROUTES: [Method, string, Record<string, string[]>[]][] = [
  ["post", "/openapi/auth/token", []],
  ["get", "/openapi/v1/oauth2/token", []],
  ["post", "/openapi/event-type/add", EVENTS],
  ["post", "/openapi/event-type/update", EVENTS],
  ["post", "/openapi/event-type/delete", EVENTS],
  ["get", "/openapi/event-type/queryList", EVENTS],
  ["get", "/openapi/event-type/listCustomerEventToFlows", EVENTS],
  ["get", "/openapi/stage/queryList", EVENTS],
  ["post", "/openapi/customer-event/create", EVENTS],
  ["post", "/openapi/customer-event/batchCreate", EVENTS],
  ["post", "/openapi/customer-event/queryByCustomerId", EVENTS],
  ["get", "/openapi/customers/filter_customers", CUSTOMERS],
  ["get", "/openapi/customers/list_customers", CUSTOMERS],
  ["get", "/openapi/customers/get_customer", CUSTOMERS],
  ["post", "/openapi/customers/create_customer", CUSTOMERS],
  ["put", "/openapi/customers/update_customer", CUSTOMERS],
  ["delete", "/openapi/customers/destroy_customer", CUSTOMERS],
  ["get", "/openapi/customers/feeds", CUSTOMERS],
];

let doc: Document;

test.beforeAll(async ({ request }) => {
  const res = await request.get("/openapi/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["cache-control"]).toBe("public, max-age=300");
  doc = await res.json();
});

test("GET /openapi/openapi.json is an OpenAPI 3.1 document with the five credential schemes", () => {
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.info).toMatchObject({ title: "cdp-console public API", version: expect.any(String) });
  expect(doc.components.securitySchemes).toMatchObject({
    eventsToken: { type: "apiKey", in: "header", name: "token" },
    listsAccessToken: { type: "apiKey", in: "query", name: "access_token" },
    customersAppId: { type: "apiKey", in: "query", name: "appid" },
    customersTimestamp: { type: "apiKey", in: "query", name: "timestamp" },
    customersSignature: { type: "apiKey", in: "query", name: "sign" },
    scenariosApiKey: { type: "apiKey", in: "header", name: "x-api-key" },
    groupsBitkey: { type: "apiKey", in: "header", name: "bitkey" },
  });
});

test("every events, customers and token route is listed with its security scheme and error responses", () => {
  const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  for (const [method, path, security] of ROUTES) {
    const op = doc.paths[path]?.[method];
    expect(op, `${method.toUpperCase()} ${path} is missing; listed: ${listed.join(", ")}`).toBeDefined();
    expect(op!.security, `${method} ${path}`).toEqual(security);
    expect(Object.keys(op!.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["200", "400", "401", "500"]));
    if (security.length) expect(Object.keys(op!.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["403", "429"]));
    if (method !== "get" && method !== "delete") expect(op!.requestBody?.content["application/json"], `${method} ${path} body`).toBeDefined();
  }
  // and nothing of these dialects that the list above does not know
  const ours = listed.filter((l) => /\/openapi\/(auth|event-type|stage|customer-event|customers|v1\/oauth2)\//.test(l));
  expect(ours.sort()).toEqual(ROUTES.map(([m, p]) => `${m} ${p}`).sort());
});

test("the documented bodies are the ones the routes validate: event-type/add requires the seed's fields", () => {
  const add = doc.paths["/openapi/event-type/add"]!.post!;
  const text = JSON.stringify(add.requestBody);
  for (const field of ["eventKey", "isInteract", "name", "stageId", "attrList", "showInFlow"]) expect(text).toContain(`"${field}"`);
  const create = JSON.stringify(doc.paths["/openapi/customer-event/create"]!.post!.requestBody);
  for (const field of ["customerId", "identityType", "identityValue", "event", "happenTime", "attrValueList", "eventId"]) {
    expect(create).toContain(`"${field}"`);
  }
});

test("every documented route exists on the server and asks for its credential", async ({ request }) => {
  for (const [method, path, security] of ROUTES) {
    if (!security.length) continue;
    const res = await request.fetch(path, { method: method.toUpperCase(), data: method === "get" || method === "delete" ? undefined : {} });
    expect(res.status(), `${method} ${path}`).toBe(401);
    const body = await res.json();
    if (path.startsWith("/openapi/customers/")) expect(body).toEqual({ success: false, code: 401, message: "appid, timestamp and sign are required" });
    else expect(body).toEqual({ code: -1, msg: "access token missing", data: null });
  }
});
