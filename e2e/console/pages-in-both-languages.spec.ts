import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import enApiDocs from "../../messages/en/apiDocs.json";
import enApiKeys from "../../messages/en/apiKeys.json";
import enCategories from "../../messages/en/categories.json";
import enCustomFields from "../../messages/en/customFields.json";
import enComing from "../../messages/en/coming.json";
import enDashboard from "../../messages/en/dashboard.json";
import enDepartments from "../../messages/en/departments.json";
import enEventTypes from "../../messages/en/eventTypes.json";
import enOptions from "../../messages/en/options.json";
import enScenarios from "../../messages/en/scenarios.json";
import enSettings from "../../messages/en/settings.json";
import enStages from "../../messages/en/stages.json";
import enTasks from "../../messages/en/tasks.json";
import enTimeline from "../../messages/en/timeline.json";
import zhApiDocs from "../../messages/zh-CN/apiDocs.json";
import zhApiKeys from "../../messages/zh-CN/apiKeys.json";
import zhCategories from "../../messages/zh-CN/categories.json";
import zhCustomFields from "../../messages/zh-CN/customFields.json";
import zhComing from "../../messages/zh-CN/coming.json";
import zhDashboard from "../../messages/zh-CN/dashboard.json";
import zhDepartments from "../../messages/zh-CN/departments.json";
import zhEventTypes from "../../messages/zh-CN/eventTypes.json";
import zhOptions from "../../messages/zh-CN/options.json";
import zhScenarios from "../../messages/zh-CN/scenarios.json";
import zhSettings from "../../messages/zh-CN/settings.json";
import zhStages from "../../messages/zh-CN/stages.json";
import zhTasks from "../../messages/zh-CN/tasks.json";
import zhTimeline from "../../messages/zh-CN/timeline.json";
import { cli, eventsToken, expect, signIn, test, type TenantFixture } from "../fixtures";

const unique = () => randomBytes(3).toString("hex");

/** A marketer of the worker's tenant, new for each test, so no language choice leaks between tests. */
async function signedIn(browser: Browser, tenant: TenantFixture, locale: "zh-CN" | "en-US", role = "marketer"): Promise<Page> {
  const user = { email: `pages-${unique()}@${tenant.slug}.test`, password: "password-789", name: `张伟-${unique()}` };
  const loginNo = String(6000 + Math.floor(Math.random() * 3000));
  cli("user:create", "--tenant", tenant.slug, "--email", user.email, "--password", user.password, "--role", role, "--login-no", loginNo);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

/** next-intl renders a missing message as its dotted key ("stages.title"): no line of the page may look like one. */
async function expectNoRawKeys(page: Page) {
  // the console's own <main> (Swagger UI renders another inside it)
  const text = await page.locator("main#main").innerText();
  const raw = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[a-z]+\.[a-zA-Z.]+$/.test(l));
  expect(raw, `raw message keys on ${page.url()}`).toEqual([]);
}

const HEADINGS = {
  "en-US": {
    "/settings": enSettings.title,
    "/settings/stages": enStages.title,
    "/settings/categories": enCategories.title,
    "/settings/departments": enDepartments.title,
    "/settings/tasks": enTasks.title,
    "/settings/custom-fields": enCustomFields.title,
    "/settings/options": enOptions.title,
    "/settings/api-keys": enApiKeys.title,
    "/docs/api": enApiDocs.title,
    "/event-types": enEventTypes.title,
    "/event-types/new": enEventTypes.new,
    "/groups": enComing.groups.title,
    "/segments": enComing.segments.title,
    "/scenarios": enScenarios.title,
  },
  "zh-CN": {
    "/settings": zhSettings.title,
    "/settings/stages": zhStages.title,
    "/settings/categories": zhCategories.title,
    "/settings/departments": zhDepartments.title,
    "/settings/tasks": zhTasks.title,
    "/settings/custom-fields": zhCustomFields.title,
    "/settings/options": zhOptions.title,
    "/settings/api-keys": zhApiKeys.title,
    "/docs/api": zhApiDocs.title,
    "/event-types": zhEventTypes.title,
    "/event-types/new": zhEventTypes.new,
    "/groups": zhComing.groups.title,
    "/segments": zhComing.segments.title,
    "/scenarios": zhScenarios.title,
  },
} as const;

const OTHER = {
  "en-US": { dashboard: enDashboard, timeline: enTimeline, options: enOptions, apiKeys: enApiKeys, apiDocs: enApiDocs },
  "zh-CN": { dashboard: zhDashboard, timeline: zhTimeline, options: zhOptions, apiKeys: zhApiKeys, apiDocs: zhApiDocs },
} as const;

for (const locale of ["zh-CN", "en-US"] as const) {
  test(`the console's pages speak ${locale}`, async ({ browser, tenant, signedInPage }) => {
    // some twenty pages, each rendered on demand
    test.setTimeout(180_000);
    // a customer with a change record, as the admin, for the customer page
    const created = await signedInPage.request.post("/api/customers", { data: { name: `张伟-${unique()}` } });
    expect(created.ok()).toBeTruthy();
    const customer = (await created.json()) as { id: number; name: string };
    expect((await signedInPage.request.patch(`/api/customers/${customer.id}`, { data: { companyName: "测试公司" } })).ok()).toBeTruthy();

    // an admin: the API keys page is theirs
    const page = await signedIn(browser, tenant, locale, "admin");
    const { dashboard, timeline, options, apiKeys, apiDocs } = OTHER[locale];

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(dashboard.welcome.split("{")[0].trim());
    await expect(page.getByText(dashboard.perDay, { exact: true })).toBeVisible();
    await expectNoRawKeys(page);

    for (const [path, heading] of Object.entries(HEADINGS[locale])) {
      await page.goto(path);
      // the page's own heading comes first (the API reference also renders the document's title once Swagger UI has loaded)
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toHaveText(heading);
      await expectNoRawKeys(page);
    }

    // the pages' own words beyond the heading: list names, scope names, what is not built yet
    await page.goto("/settings/options");
    await expect(page.getByRole("tab", { name: new RegExp(options.lists.custFrom) })).toBeVisible();
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: apiKeys.new }).click();
    const keyDialog = page.getByRole("dialog", { name: apiKeys.new });
    await expect(keyDialog.getByText(apiKeys.scopeNames.groups_write, { exact: true })).toBeVisible();
    await expect(keyDialog.getByText(apiKeys.coming, { exact: true })).toHaveCount(0);
    await expect(keyDialog.getByLabel(apiKeys.rate)).toBeVisible();
    await page.keyboard.press("Escape");
    await page.goto("/docs/api");
    await expect(page.getByTestId("dialect-scenarios")).toContainText(apiDocs.available);
    await expect(page.getByTestId("dialect-customers")).toContainText(apiDocs.available);

    // the customer page: data as entered (张伟), the console's words in the locale, the change record too
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByTestId("customer-name")).toHaveText(customer.name);
    await expect(page.getByText(timeline.title, { exact: true })).toBeVisible();
    const change = page.locator('[data-kind="alternation"]').getByTestId("change");
    await expect(change).toHaveText(`${timeline.fields.companyName}: ${timeline.emptyValue} → 测试公司`);
    // the author by name and login number, not "by 9001"
    await expect(page.locator('[data-kind="alternation"]').getByTestId("actor")).toContainText("(9001)");
    await expectNoRawKeys(page);
    await page.context().close();
  });
}

test("an event is recorded with one attribute left empty", async ({ signedInPage: page }) => {
  const u = unique();
  const stage = (await (await page.request.post("/api/stages", { data: { name: `可选阶段-${u}` } })).json()) as { id: number };
  const typeRes = await page.request.post("/api/event-types", {
    data: {
      eventKey: `opt_${u}`,
      name: `可选-${u}`,
      isInteract: false,
      stageId: stage.id,
      attributes: [
        { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
        { attrKey: "product", attrName: "商品", type: "text", showInFlow: true },
      ],
    },
  });
  expect(typeRes.ok(), await typeRes.text()).toBeTruthy();
  const c = (await (await page.request.post("/api/customers", { data: { name: `客户-${u}` } })).json()) as { id: number };
  await page.goto(`/customers/${c.id}`);
  await page.getByRole("button", { name: "Record event" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Event type").selectOption({ label: `可选-${u} (opt_${u})` });
  await dialog.getByLabel(/商品/).fill("年卡");
  // 金额 stays empty
  await dialog.getByRole("button", { name: "Record", exact: true }).click();
  await expect(dialog).toBeHidden();
  const entry = page.getByTestId("timeline").locator('[data-kind="event"]').first();
  await expect(entry).toContainText("年卡");
  await expect(entry).not.toContainText("金额");
});

test("a timeline item recorded through the API names the API key", async ({ signedInPage: page, tenant, request }) => {
  const u = unique();
  const stage = (await (await page.request.post("/api/stages", { data: { name: `接口阶段-${u}` } })).json()) as { id: number };
  const type = await page.request.post("/api/event-types", {
    data: { eventKey: `via_api_${u}`, name: `接口事件-${u}`, isInteract: false, stageId: stage.id, attributes: [] },
  });
  expect(type.ok(), await type.text()).toBeTruthy();
  const c = (await (await page.request.post("/api/customers", { data: { name: `客户-${u}` } })).json()) as { id: number };
  const token = await eventsToken(request, tenant.key);
  const recorded = await request.post("/openapi/customer-event/create", {
    headers: { token },
    data: { customerId: c.id, event: `via_api_${u}`, happenTime: "2026-03-01 12:00:00" },
  });
  expect((await recorded.json()).code, await recorded.text()).toBe(0);
  await page.goto(`/customers/${c.id}`);
  const actor = page.getByTestId("timeline").locator('[data-kind="event"]').getByTestId("actor");
  // the fixture's key is named "e2e"
  await expect(actor).toHaveText("by e2e", { timeout: 30_000 });
  await expect(actor.locator('[data-actor="apikey"]')).toBeVisible();
});

test("a stage in use: the delete dialog says why and offers no Delete", async ({ signedInPage: page }) => {
  const u = unique();
  const stage = (await (await page.request.post("/api/stages", { data: { name: `在用-${u}` } })).json()) as { id: number; name: string };
  const type = await page.request.post("/api/event-types", {
    data: { eventKey: `uses_${u}`, name: `用阶段-${u}`, isInteract: false, stageId: stage.id, attributes: [] },
  });
  expect(type.ok(), await type.text()).toBeTruthy();
  await page.goto("/settings/stages");
  await page.getByRole("button", { name: `Delete ${stage.name}` }).click();
  // before any click inside it: the list's counts already say the stage is in use
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("alert")).toContainText(`${stage.name} is used by 1 event type and no customer`);
  await expect(dialog.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Close" })).toBeVisible();
});

test("the timeline refuses a reversed date range in the form", async ({ signedInPage: page }) => {
  const c = (await (await page.request.post("/api/customers", { data: { name: `客户-${unique()}` } })).json()) as { id: number };
  await page.goto(`/customers/${c.id}`);
  // the timeline has loaded (and the page is interactive) before the dates are typed
  await expect(page.getByText("Nothing has happened yet")).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("2026-03-10");
  await expect(page).toHaveURL(/from=2026-03-10/);
  await page.getByLabel("To", { exact: true }).fill("2026-03-01");
  await expect(page.getByRole("alert").filter({ hasText: "The start date is after the end date." })).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).not.toHaveURL(/to=2026-03-01/);
});
