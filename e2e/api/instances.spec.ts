import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { cli, expect, test } from "../fixtures";

// Two `next start` processes of the same build on one PostgreSQL database, as behind a load
// balancer: the e2e server and a second one started here on a free port. Per-key limits are counted
// once for both (Redis when the run sets REDIS_URL, else the database's table), and a key revoked
// through one is refused by the other within a second. SQLite runs one process: skipped there.

const root = path.resolve(__dirname, "../..");
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.E2E_DATABASE_URL ?? "");

test.skip(!onPostgres, "several server processes share a PostgreSQL database only");
test.describe.configure({ mode: "serial" });

let second: ChildProcess | undefined;
let secondUrl = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  second = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`${secondUrl}/api/health`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the second server did not start");
});

test.afterAll(() => {
  // next start runs next-server as a child: end the whole group
  if (second?.pid) {
    try {
      process.kill(-second.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
});

async function token(baseURL: string, key: { appKey: string; secret: string }): Promise<string> {
  const res = await fetch(`${baseURL}/openapi/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(key),
  });
  expect(res.status).toBe(200);
  return (await res.json()).data.token;
}

const stages = (baseURL: string, t: string) => fetch(`${baseURL}/openapi/stage/queryList`, { headers: { token: t } });

/** A console session on `baseURL`, signed in through next-auth's credentials endpoint. */
async function consoleSession(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: `${baseURL}/` } });
  expect((await ctx.get("/api/api-keys")).status()).toBe(200);
  return ctx;
}

test("a burst split across the two servers is limited as one key", async ({ baseURL, tenant }) => {
  const key = cli("apikey:create", "--tenant", tenant.slug, "--name", "burst", "--scopes", "all", "--rate", "1", "--burst", "10") as {
    appKey: string;
    secret: string;
  };
  const servers = [baseURL!, secondUrl];
  const t = await token(servers[0], key);
  // 16 requests at once, alternating between the servers: the key's 10 go through, 6 are refused
  const statuses = await Promise.all(Array.from({ length: 16 }, (_, i) => stages(servers[i % 2], t).then((r) => r.status)));
  expect(statuses.filter((s) => s === 200), statuses.join(",")).toHaveLength(10);
  expect(statuses.filter((s) => s === 429), statuses.join(",")).toHaveLength(6);
});

test("a key revoked on one server is refused by the other within a second", async ({ baseURL, tenant }) => {
  const a = await consoleSession(baseURL!, tenant.admin.email, tenant.admin.password);
  const created = await a.post("/api/api-keys", { data: { name: "revoked across servers", scopes: ["all"] } });
  expect(created.status()).toBe(201);
  const key = (await created.json()) as { id: number; appKey: string; secret: string };

  // the other server knows the token (and keeps it in its credential cache)
  const t = await token(secondUrl, key);
  for (let i = 0; i < 3; i++) expect((await stages(secondUrl, t)).status).toBe(200);

  expect((await a.delete(`/api/api-keys/${key.id}`)).status()).toBe(200);
  const revokedAt = Date.now();
  expect((await stages(baseURL!, t)).status).toBe(401);
  let refusedAfter = -1;
  while (Date.now() - revokedAt < 5000) {
    const res = await stages(secondUrl, t);
    if (res.status === 401) {
      refusedAfter = Date.now() - revokedAt;
      break;
    }
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
  }
  test.info().annotations.push({ type: "refused by the second server after", description: `${refusedAfter} ms` });
  expect(refusedAfter, "refused by the second server").toBeGreaterThanOrEqual(0);
  expect(refusedAfter).toBeLessThanOrEqual(1000);
  // and it buys no new token there
  const again = await fetch(`${secondUrl}/openapi/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ appKey: key.appKey, secret: key.secret }),
  });
  expect(again.status).toBe(401);
  await a.dispose();
});
