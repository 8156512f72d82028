import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync, mkdtempSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { ApiKey } from "../fixtures";
import { expect, test as base } from "./api-test";
import { createCustomer, customersClient, raw, uid, uniquePhone, type Answer } from "./helpers";

// The scenarios dialect (seed 003) driven like an integrator: header x-api-key, 201 with {"runs": n}
// or {"fanOutId": …}, RFC 7807 problem bodies with substatus. The tenant's custom events, segment
// and scenario are set up with the operator CLI, side by side (each CLI run costs seconds).

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const cliEnv = () => ({ ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, AUTH_SECRET: process.env.E2E_AUTH_SECRET, CDP_WEBHOOK_ALLOW_PRIVATE: "1" });

function cli(...args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) =>
    execFile(tsx, [path.join(root, "scripts/cli.ts"), ...args], { cwd: root, encoding: "utf8", env: cliEnv() }, (err, stdout, stderr) =>
      err ? reject(new Error(`cli ${args[0]}: ${stderr || err.message}`)) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!)),
    ),
  );
}

function importScenario(slug: string, doc: unknown): Promise<Record<string, unknown>> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "scn-")), "flow.json");
  writeFileSync(file, JSON.stringify(doc));
  return cli("scenario:import", "--tenant", slug, "--file", file);
}

const TRIGGER = "/openapi/scenariocustomevents";
const SEGMENTS = "/openapi/scenariocustomevents/withsegments";
/** custom event ids of each worker's tenant: one with typed fields that an active scenario uses, one nobody uses */
const USED = 501;
const UNUSED = 502;
/** a custom event of the other tenant only */
const FOREIGN = 909;

interface Problem {
  type: string;
  title: string;
  status: number;
  substatus: string;
  detail: string;
  instance: string;
  errors?: string[];
}

function client(request: APIRequestContext, key: ApiKey | string | null) {
  const header: Record<string, string> = key === null ? {} : { "x-api-key": typeof key === "string" ? key : `${key.appKey}.${key.secret}` };
  const send = async <T>(method: "post" | "get" | "put" | "delete", url: string, data?: unknown): Promise<Answer<T>> => {
    const res = await request[method](url, { headers: { ...header, "content-type": "application/json" }, ...(data === undefined ? {} : { data: raw(data) }) });
    const text = await res.text();
    return { status: res.status(), headers: res.headers(), body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    fire: (data: unknown) => send<{ runs: number } & Problem>("post", TRIGGER, data),
    fireSegments: (data: unknown) => send<{ fanOutId: number } & Problem>("post", SEGMENTS, data),
    send,
  };
}

/** The problem body of API-DECISIONS; for a 400, `errors[]` has one string per bad field and one names `field`. */
function expectProblem(res: Answer<unknown>, status: number, substatus: string | RegExp, instance: string, field?: string): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.body as Problem;
  expect(body).toMatchObject({ type: expect.stringMatching(/^https:\/\//), title: expect.any(String), status, detail: expect.any(String), instance });
  if (typeof substatus === "string") expect(body.substatus).toBe(substatus);
  else expect(body.substatus).toMatch(substatus);
  expect(Object.keys(body).sort()).toEqual(["detail", "instance", "status", "substatus", "title", "type", ...(status === 400 ? ["errors"] : [])].sort());
  if (status === 400) {
    expect(body.errors!.length).toBeGreaterThan(0);
    body.errors!.forEach((e) => expect(typeof e).toBe("string"));
    if (field) expect(body.errors!.some((e) => e.startsWith(field)), JSON.stringify(body.errors)).toBe(true);
  }
  return body;
}

interface World {
  segment: number;
  scenario: number;
  customer: { id: number; email: string; phone: string; crmId: string };
}

const test = base.extend<object, { world: World }>({
  world: [
    async ({ tenant, otherTenant, playwright }, use) => {
      const request = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
      const tag = uid();
      const email = `Scen.${tag}@Example.com`;
      const phone = uniquePhone();
      const crmId = `CRM-SCN-${tag}`;
      const [, , , segment, made] = await Promise.all([
        cli("custom-event:create", "--tenant", tenant.slug, "--name", "Order placed", "--id", String(USED), "--fields", "Order ID:String,Amount:Number"),
        cli("custom-event:create", "--tenant", tenant.slug, "--name", "Nobody listens", "--id", String(UNUSED)),
        cli("custom-event:create", "--tenant", otherTenant.slug, "--name", "Theirs", "--id", String(FOREIGN)),
        cli("segment:create", "--tenant", tenant.slug, "--name", `Everyone ${tag}`, "--rules", JSON.stringify({ all: [] })),
        createCustomer(customersClient(request, tenant.key), { custname: `场景 ${tag}`, email, cellphones: [[null, phone]], crmId }),
      ]);
      const scenario = await importScenario(tenant.slug, {
        name: `Order placed flow ${tag}`,
        status: "active",
        trigger: { customEvent: USED },
        reentry: "everyTime",
        steps: [{ type: "wait", minutes: 0 }],
      });
      await request.dispose();
      await use({ segment: segment.id as number, scenario: scenario.id as number, customer: { id: made.id, email, phone, crmId } });
    },
    { scope: "worker" },
  ],
});

test.describe("scenarios: one customer", () => {
  test("every identifier finds the customer → 201 {runs: 1}; a custom event nobody uses → 201 {runs: 0}", async ({ request, tenant, world }) => {
    const api = client(request, tenant.key);
    const { id, email, phone, crmId } = world.customer;
    const lower = email.toLowerCase();
    const md5 = createHash("md5").update(lower).digest("hex");
    const sha = createHash("sha256").update(lower).digest("hex");
    const dataFields = [
      { name: "Order ID", type: "String", value: "SO-1" },
      { name: "Amount", type: "Number", value: "12.5" },
      { name: "extra", type: "Boolean", value: "true" },
    ];
    for (const ref of [
      { customerId: id },
      { customerId: String(id) },
      { customerEmail: email },
      { customerEmailMd5: md5 },
      { customerEmailMd5: md5.toUpperCase() },
      { customerEmailSha256: sha },
      { customerPhone: phone },
      { customerCrmId: crmId },
      { customerId: id, customerEmail: "nobody@example.com" }, // the highest one decides
    ]) {
      const res = await api.fire({ customEventId: USED, ...ref, dataFields });
      expect(res.status, `${JSON.stringify(ref)} → ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body).toEqual({ runs: 1 });
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
    }
    const none = await api.fire({ customEventId: UNUSED, customerId: id });
    expect([none.status, none.body]).toEqual([201, { runs: 0 }]);
  });

  test("a higher identifier given but unknown → 404, no fall-through to a lower one that matches", async ({ request, tenant, world }) => {
    const api = client(request, tenant.key);
    const { email, phone, crmId } = world.customer;
    const cases: Record<string, unknown>[] = [
      { customerId: 2_000_000_000, customerEmail: email },
      { customerEmail: `nobody-${uid()}@example.com`, customerPhone: phone },
      { customerEmailMd5: "0".repeat(32), customerEmailSha256: createHash("sha256").update(email.toLowerCase()).digest("hex") },
      { customerEmailSha256: "0".repeat(64), customerPhone: phone },
      { customerPhone: "13000000000", customerCrmId: crmId },
      { customerCrmId: `CRM-none-${uid()}` },
    ];
    for (const ref of cases) {
      const p = expectProblem(await api.fire({ customEventId: USED, ...ref }), 404, "CustomerNotFound", TRIGGER);
      expect(p.title).toBe("Not Found");
      expect(p.detail).toContain(Object.keys(ref)[0]);
    }
  });

  test("bad input → 400 problem naming the field", async ({ request, tenant, world }) => {
    const api = client(request, tenant.key);
    const id = world.customer.id;
    const cases: [body: unknown, field: string][] = [
      [{ customerId: id }, "customEventId"],
      [{ customEventId: "abc", customerId: id }, "customEventId"],
      [{ customEventId: "501", customerId: id }, "customEventId"],
      [{ customEventId: 1.5, customerId: id }, "customEventId"],
      [{ customEventId: null, customerId: id }, "customEventId"],
      [{ customEventId: USED }, "customerId"],
      [{ customEventId: USED, customerEmail: `${"a".repeat(309)}@example.com` }, "customerEmail"],
      [{ customEventId: USED, customerEmailMd5: "a".repeat(33) }, "customerEmailMd5"],
      [{ customEventId: USED, customerEmailMd5: "z".repeat(32) }, "customerEmailMd5"],
      [{ customEventId: USED, customerEmailSha256: "a".repeat(65) }, "customerEmailSha256"],
      [{ customEventId: USED, customerEmailSha256: "g".repeat(64) }, "customerEmailSha256"],
      [{ customEventId: USED, customerPhone: "1".repeat(21) }, "customerPhone"],
      [{ customEventId: USED, customerCrmId: "c".repeat(129) }, "customerCrmId"],
      [{ customEventId: USED, customerId: "x1" }, "customerId"],
      [{ customEventId: USED, customerId: id, dataFields: [{ name: "Amount", type: "Wrong", value: "1" }] }, "dataFields.0.type"],
      [{ customEventId: USED, customerId: id, dataFields: "nope" }, "dataFields"],
    ];
    for (const [body, field] of cases) {
      const p = expectProblem(await api.fire(body), 400, "InvalidModelState", TRIGGER, field);
      expect(p.title).toBe("Bad Request");
    }
    // at the limits themselves the input is well-formed: the customer is simply unknown
    for (const ref of [
      { customerEmail: `${"a".repeat(308)}@example.com` },
      { customerPhone: "1".repeat(20) },
      { customerCrmId: "c".repeat(128) },
    ]) {
      expect(`${Object.keys(ref)[0]}: ${expectProblem(await api.fire({ customEventId: USED, ...ref }), 404, "CustomerNotFound", TRIGGER).substatus}`).toBeTruthy();
    }
    // malformed JSON
    const bad = await api.send("post", TRIGGER, "{ not json");
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  test("data fields are typed: a Number field 'abc' → 400 DataFieldInvalid; the defined type wins; unknown names are kept", async ({ request, tenant, world }) => {
    const api = client(request, tenant.key);
    const base = { customEventId: USED, customerId: world.customer.id };
    const p = expectProblem(await api.fire({ ...base, dataFields: [{ name: "Amount", type: "Number", value: "abc" }] }), 400, "DataFieldInvalid", TRIGGER, "dataFields.0.value");
    expect(p.detail).toContain("Amount");
    // declared String, but the custom event defines Amount as a Number
    expectProblem(await api.fire({ ...base, dataFields: [{ name: "Amount", type: "String", value: "abc" }] }), 400, "DataFieldInvalid", TRIGGER, "dataFields.0.value");
    expectProblem(await api.fire({ ...base, dataFields: [{ name: "When", type: "Date", value: "2026-02-30" }] }), 400, "DataFieldInvalid", TRIGGER, "dataFields.0.value");
    const ok = await api.fire({ ...base, dataFields: [{ name: "anything", type: "Text", value: "kept" }, { name: "Amount", type: "Number", value: 3 }] });
    expect([ok.status, ok.body]).toEqual([201, { runs: 1 }]);
  });

  test("unknown custom event, another tenant's custom event → 404 CustomEventNotFound", async ({ request, tenant, otherTenant, world }) => {
    const api = client(request, tenant.key);
    expectProblem(await api.fire({ customEventId: 999_999, customerId: world.customer.id }), 404, "CustomEventNotFound", TRIGGER);
    expectProblem(await api.fire({ customEventId: FOREIGN, customerId: world.customer.id }), 404, "CustomEventNotFound", TRIGGER);
    // the other tenant's key does not see this tenant's customer (its own custom event, our customer)
    expectProblem(await client(request, otherTenant.key).fire({ customEventId: FOREIGN, customerId: world.customer.id }), 404, "CustomerNotFound", TRIGGER);
    // nor this tenant's custom event
    expectProblem(await client(request, otherTenant.key).fireSegments({ customEventId: USED, segments: [world.segment] }), 404, "CustomEventNotFound", SEGMENTS);
  });
});

test.describe("scenarios: credentials and methods", () => {
  test("no key → 401, a key without scenarios:trigger → 403 MissingScope, a wrong method → 405", async ({ request, tenant, world }) => {
    const body = { customEventId: USED, customerId: world.customer.id };
    for (const [url, data] of [
      [TRIGGER, body],
      [SEGMENTS, { customEventId: USED, segments: [world.segment] }],
    ] as const) {
      // the 401's substatus is the reason (API-DECISIONS fixes only the 403's)
      expectProblem(await client(request, null).send("post", url, data), 401, "Unauthenticated", url);
      expectProblem(await client(request, "nokey.nosecret").send("post", url, data), 401, "BadCredential", url);
      const forbidden = expectProblem(await client(request, tenant.readOnlyKey).send("post", url, data), 403, "MissingScope", url);
      expect(forbidden.title).toBe("Forbidden");
      expect(forbidden.detail).toContain("scenarios:trigger");
      for (const method of ["get", "put", "delete"] as const) {
        const res = await client(request, tenant.key).send(method, url, method === "get" ? undefined : data);
        const p = expectProblem(res, 405, "MethodNotAllowed", url);
        expect(p.title).toBe("Method Not Allowed");
        expect(res.headers.allow).toContain("POST");
      }
    }
  });
});

test.describe("scenarios: segments", () => {
  test("withsegments → 201 {fanOutId}; the same segment twice is one", async ({ request, tenant, world }) => {
    const api = client(request, tenant.key);
    const res = await api.fireSegments({ customEventId: USED, segments: [world.segment, world.segment], dataFields: [{ name: "Amount", type: "Number", value: "1" }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Object.keys(res.body)).toEqual(["fanOutId"]);
    expect(Number.isInteger(res.body.fanOutId)).toBe(true);
    const again = await api.fireSegments({ customEventId: UNUSED, segments: [world.segment] });
    expect(again.status).toBe(201);
    expect(again.body.fanOutId).toBeGreaterThan(res.body.fanOutId);
  });

  test("bad input → 400; unknown segment → 404 naming it; unknown custom event → 404", async ({ request, tenant, world }) => {
    const api = client(request, tenant.key);
    const cases: [unknown, string][] = [
      [{ segments: [world.segment] }, "customEventId"],
      [{ customEventId: "abc", segments: [world.segment] }, "customEventId"],
      [{ customEventId: USED }, "segments"],
      [{ customEventId: USED, segments: [] }, "segments"],
      [{ customEventId: USED, segments: Array.from({ length: 101 }, (_, i) => i + 1) }, "segments"],
      [{ customEventId: USED, segments: "1" }, "segments"],
      [{ customEventId: USED, segments: ["x"] }, "segments.0"],
      [{ customEventId: USED, segments: [world.segment], dataFields: [{ name: "Amount", type: "Number" }] }, "dataFields.0.value"],
    ];
    for (const [body, field] of cases) expectProblem(await api.fireSegments(body), 400, "InvalidModelState", SEGMENTS, field);
    // exactly 100 ids is allowed (then the unknown ones are named)
    const hundred = expectProblem(await api.fireSegments({ customEventId: USED, segments: [world.segment, ...Array.from({ length: 99 }, (_, i) => 1_900_000_000 + i)] }), 404, "SegmentNotFound", SEGMENTS);
    expect(hundred.detail).toContain("1900000000");
    const unknown = expectProblem(await api.fireSegments({ customEventId: USED, segments: [world.segment, 1_999_999_999] }), 404, "SegmentNotFound", SEGMENTS);
    expect(unknown.detail).toContain("1999999999");
    expectProblem(await api.fireSegments({ customEventId: 999_999, segments: [world.segment] }), 404, "CustomEventNotFound", SEGMENTS);
    expectProblem(await api.fireSegments({ customEventId: FOREIGN, segments: [world.segment] }), 404, "CustomEventNotFound", SEGMENTS);
    expectProblem(await api.fireSegments({ customEventId: USED, segments: [world.segment], dataFields: [{ name: "Amount", type: "Number", value: "abc" }] }), 400, "DataFieldInvalid", SEGMENTS, "dataFields.0.value");
  });
});

// ─── a webhook step through the real worker ───────────────────────────────────────────────────

interface Hit {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

function sink(): Promise<{ server: Server; url: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: JSON.parse(data) });
      // the first attempt fails
      res.writeHead(hits.length === 1 ? 500 : 200, { "content-type": "text/plain" }).end(hits.length === 1 ? "boom" : "ok");
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits })));
}

function startWorker(): ChildProcess {
  return spawn(tsx, [path.join(root, "scripts/worker.ts"), "--no-migrate"], {
    cwd: root,
    stdio: "ignore",
    env: { ...cliEnv(), WORKER_CONCURRENCY: "2", CDP_WORKER_POLL_MS: "200" },
  });
}

test.describe("scenarios: webhook step", () => {
  test.setTimeout(120_000);

  test("a webhook answered 500 is retried by the worker with the same Idempotency-Key; the run completes", async ({ request, tenant, world }) => {
    const hook = await sink();
    let worker: ChildProcess | undefined;
    try {
      const ceId = 503;
      await cli("custom-event:create", "--tenant", tenant.slug, "--name", `Hook ${uid()}`, "--id", String(ceId), "--fields", "Amount:Money");
      const scenario = await importScenario(tenant.slug, {
        name: `Webhook flow ${uid()}`,
        status: "active",
        trigger: { customEvent: ceId },
        reentry: "everyTime",
        steps: [{ id: "notify", type: "webhook", url: hook.url, timeoutMs: 5000, maxAttempts: 3 }],
      });
      const res = await client(request, tenant.key).fire({ customEventId: ceId, customerEmail: world.customer.email, dataFields: [{ name: "Amount", type: "Money", value: "9.90" }, { name: "note", type: "Text", value: "extra" }] });
      expect([res.status, res.body]).toEqual([201, { runs: 1 }]);

      worker = startWorker();
      await expect.poll(() => hook.hits.length, { timeout: 60_000, intervals: [250] }).toBeGreaterThanOrEqual(2);
      const [first, second] = hook.hits;
      const key = first.headers["idempotency-key"] as string;
      expect(key).toMatch(/^\d+:notify$/);
      expect(second.headers["idempotency-key"]).toBe(key);
      expect(first.headers["content-type"]).toMatch(/^application\/json/);
      expect(second.body).toEqual(first.body);
      expect(first.body).toMatchObject({
        scenarioId: scenario.id,
        runId: Number(key.split(":")[0]),
        stepId: "notify",
        customer: { id: world.customer.id, crmId: world.customer.crmId },
        trigger: {
          kind: "customEvent",
          customEventId: ceId,
          dataFields: [
            { name: "Amount", type: "Money", value: "9.90" },
            { name: "note", type: "Text", value: "extra" },
          ],
        },
      });
      await expect
        .poll(async () => (await cli("scenario:stats", "--tenant", tenant.slug, "--id", String(scenario.id))).completed, { timeout: 30_000, intervals: [500] })
        .toBe(1);
      expect(hook.hits).toHaveLength(2);
    } finally {
      if (worker?.pid) {
        worker.kill("SIGTERM");
        await new Promise((r) => worker!.once("exit", r));
      }
      hook.server.close();
    }
  });
});
