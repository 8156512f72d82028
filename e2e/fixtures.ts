import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

const root = path.resolve(__dirname, "..");

/** Runs the operator CLI against the e2e server's database; returns its one JSON line. */
export function cli(...args: string[]): Record<string, unknown> {
  const out = execFileSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/cli.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, AUTH_SECRET: process.env.E2E_AUTH_SECRET },
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

export interface ApiKey {
  appKey: string;
  secret: string;
}

export interface TenantFixture {
  slug: string;
  admin: { email: string; password: string };
  /** every scope */
  key: ApiKey;
  /** customers:read and groups:read only */
  readOnlyKey: ApiKey;
}

export function makeTenant(label: string): TenantFixture {
  const slug = `${label}-${randomBytes(3).toString("hex")}`;
  cli("tenant:create", "--slug", slug, "--name", `E2E ${slug}`);
  const admin = { email: `admin@${slug}.test`, password: "password-123" };
  cli("user:create", "--tenant", slug, "--email", admin.email, "--password", admin.password, "--role", "admin", "--login-no", "9001");
  const key = cli("apikey:create", "--tenant", slug, "--name", "e2e", "--scopes", "all", "--rate", "1000", "--burst", "2000") as unknown as ApiKey;
  const readOnlyKey = cli("apikey:create", "--tenant", slug, "--name", "e2e-read", "--scopes", "customers:read,groups:read") as unknown as ApiKey;
  return { slug, admin, key, readOnlyKey };
}

/** The `events` dialect's token exchange. */
export async function eventsToken(request: APIRequestContext, key: ApiKey): Promise<string> {
  const res = await request.post("/openapi/auth/token", { data: { appKey: key.appKey, secret: key.secret } });
  expect(res.status()).toBe(200);
  return (await res.json()).data.token;
}

/** The `customers` dialect's signed query string. */
export function signed(key: ApiKey, at = Math.floor(Date.now() / 1000)): string {
  const ts = String(at);
  const sign = createHash("sha256").update(key.appKey + ts + key.secret).digest("hex");
  return `appid=${encodeURIComponent(key.appKey)}&timestamp=${ts}&sign=${sign}`;
}

/** Signs in through the form, whatever the page's language (fields by id, the form's submit button). */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * `tenant`: a tenant of this worker's own (no test depends on another's data). Console specs get a
 * page already signed in as its admin (one sign-in per worker, kept as storage state).
 */
export const test = base.extend<{ signedInPage: Page }, { tenant: TenantFixture; adminState: string }>({
  tenant: [async ({}, use, workerInfo) => use(makeTenant(`w${workerInfo.workerIndex}`)), { scope: "worker" }],
  adminState: [
    async ({ tenant, browser }, use, workerInfo) => {
      const file = path.join(root, "e2e/.auth", `admin-${workerInfo.workerIndex}-${tenant.slug}.json`);
      const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
      const page = await context.newPage();
      await signIn(page, tenant.admin.email, tenant.admin.password);
      await context.storageState({ path: file });
      await context.close();
      await use(file);
    },
    { scope: "worker" },
  ],
  signedInPage: async ({ browser, adminState }, use) => {
    const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: adminState });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
