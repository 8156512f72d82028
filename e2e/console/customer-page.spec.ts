import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { cli, expect, signIn, test } from "../fixtures";

/** Data for these tests goes in through the console's own JSON API, as the signed-in admin. */
async function api<T>(request: APIRequestContext, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
  const res = await request.fetch(path, { method, data });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

const unique = () => randomBytes(3).toString("hex");

async function newCustomer(page: Page, extra: Record<string, unknown> = {}) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  return api<{ id: number; name: string }>(page.request, "POST", "/api/customers", {
    name: `客户-${unique()}`,
    phones: [{ number: phone }],
    ...extra,
  });
}

const timeline = (page: Page) => page.getByTestId("timeline");

test("editing a field shows the change on the timeline", async ({ signedInPage: page }) => {
  const c = await newCustomer(page);
  await page.goto(`/customers/${c.id}`);
  await expect(page.getByTestId("customer-name")).toHaveText(c.name);

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const sheet = page.getByRole("dialog");
  await sheet.getByLabel("Company").fill("测试公司名");
  await sheet.getByRole("button", { name: "Save" }).click();
  await expect(sheet).toBeHidden();

  await expect(page.getByTestId("customer-company")).toHaveText("测试公司名");
  const change = timeline(page).locator('[data-kind="alternation"]');
  await expect(change.getByText("Company: empty → 测试公司名")).toBeVisible();
  await expect(change.first()).toContainText("9001"); // the admin's login number: the author
});

test("assigning an owner (with the owner's department) and a task from the edit form", async ({ signedInPage: page, tenant }) => {
  const department = await api<{ id: number; name: string }>(page.request, "POST", "/api/departments", { name: `华南销售部-${unique()}` });
  const task = await api<{ id: number; name: string }>(page.request, "POST", "/api/tasks", { name: `回访-${unique()}` });
  const users = await api<{ items: { id: number; email: string; name: string }[] }>(page.request, "GET", "/api/users");
  const admin = users.items.find((u) => u.email === tenant.admin.email)!;
  await api(page.request, "PATCH", `/api/users/${admin.id}`, { departmentId: department.id });
  const c = await newCustomer(page);
  await page.goto(`/customers/${c.id}`);

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const sheet = page.getByRole("dialog");
  await sheet.getByLabel("Owner", { exact: true }).selectOption({ label: `${admin.name} (9001)` });
  // the owner's department follows, since an owner must belong to the customer's department
  await expect(sheet.getByLabel("Department", { exact: true })).toHaveValue(String(department.id));
  await sheet.getByLabel("Task", { exact: true }).selectOption({ label: task.name });
  await sheet.getByRole("button", { name: "Save" }).click();
  await expect(sheet).toBeHidden();

  await expect(page.getByTestId("customer-owner")).toHaveText(`${admin.name} (9001)`);
  await expect(page.getByTestId("customer-department")).toHaveText(department.name);
  await expect(page.getByTestId("customer-task")).toHaveText(task.name);
  const changes = timeline(page).locator('[data-kind="alternation"]');
  await expect(changes.getByText(`Task: empty → ${task.name}`)).toBeVisible();
});

test("a duplicate phone is refused on the edit form", async ({ signedInPage: page }) => {
  const taken = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await newCustomer(page, { phones: [{ number: taken }] });
  const c = await newCustomer(page);
  await page.goto(`/customers/${c.id}`);
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const sheet = page.getByRole("dialog");
  await sheet.getByLabel("Phone 1", { exact: true }).fill(taken);
  await sheet.getByRole("button", { name: "Save" }).click();
  // the console stores phones in E.164
  await expect(sheet.getByRole("alert")).toContainText(`The phone number +86${taken} belongs to another customer.`);
});

test("recording an event by hand moves the stage and adds to the score", async ({ signedInPage: page }) => {
  const u = unique();
  const stage = await api<{ id: number; name: string }>(page.request, "POST", "/api/stages", { name: `付费-${u}` });
  const type = await api<{ id: number; name: string }>(page.request, "POST", "/api/event-types", {
    eventKey: `paid_${u}`,
    name: `支付-${u}`,
    isInteract: true,
    rating: 15,
    stageId: stage.id,
    attributes: [
      { attrKey: "amount", attrName: "金额", type: "value", showInFlow: true },
      { attrKey: "product", attrName: "商品", type: "text", showInFlow: true },
    ],
  });
  const c = await newCustomer(page);
  await page.goto(`/customers/${c.id}`);
  await expect(page.getByTestId("customer-score")).toHaveText("0");
  await expect(page.getByTestId("customer-stage")).not.toHaveText(stage.name);

  await page.getByRole("button", { name: "Record event" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Event type").selectOption({ label: `${type.name} (paid_${u})` });
  await dialog.getByLabel(/金额/).fill("99.5");
  await dialog.getByLabel(/商品/).fill("年卡");
  await dialog.getByRole("button", { name: "Record", exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("customer-score")).toHaveText("15");
  await expect(page.getByTestId("customer-stage")).toHaveText(stage.name);
  const entry = timeline(page).locator('[data-kind="event"]').first();
  await expect(entry).toContainText(type.name);
  await expect(entry).toContainText("金额");
  await expect(entry).toContainText("99.5");
  await expect(entry).toContainText("年卡");
});

test("a ticket's script and event-handler attributes never reach the page", async ({ signedInPage: page }) => {
  const c = await newCustomer(page);
  await page.goto(`/customers/${c.id}`);
  await page.getByRole("button", { name: "Ticket" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("退款申请");
  await dialog
    .getByLabel("Content (HTML)")
    .fill('<p>请尽快<b>处理</b></p><script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">');
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const content = timeline(page).locator('[data-kind="ticket"]').getByTestId("ticket-content");
  await expect(content).toContainText("请尽快处理");
  await expect(content.locator("b")).toHaveText("处理");
  await expect(content.locator("script")).toHaveCount(0);
  await expect(page.locator("[onerror]")).toHaveCount(0);
  expect(await content.innerHTML()).not.toMatch(/onerror|<script/i);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("the timeline filters by kind, and the filter is kept in the URL", async ({ signedInPage: page }) => {
  const c = await newCustomer(page);
  await api(page.request, "POST", `/api/customers/${c.id}/feeds`, { kind: "followUp", content: "第一次回访" });
  await api(page.request, "POST", `/api/customers/${c.id}/feeds`, { kind: "sms", content: "您的订单已发货" });
  await api(page.request, "PATCH", `/api/customers/${c.id}`, { address: "上海市" });

  await page.goto(`/customers/${c.id}`);
  // the first page of the timeline loads after hydration: slow on a busy machine
  await expect(timeline(page).getByTestId("timeline-entry")).toHaveCount(3, { timeout: 30_000 });

  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "SMS logs" });
  await expect(page).toHaveURL(/kind=sms/);
  await expect(timeline(page).getByTestId("timeline-entry")).toHaveCount(1);
  await expect(timeline(page).getByTestId("timeline-entry")).toHaveAttribute("data-kind", "sms");
  await expect(timeline(page)).toContainText("您的订单已发货");

  await page.reload();
  await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("sms");
  await expect(timeline(page).getByTestId("timeline-entry")).toHaveCount(1);

  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Follow-ups" });
  await expect(timeline(page).getByTestId("timeline-entry")).toHaveAttribute("data-kind", "followUp");
  await expect(timeline(page)).toContainText("第一次回访");
});

test("a viewer reads the page but has no write controls", async ({ signedInPage: page, tenant, browser }) => {
  const c = await newCustomer(page);
  await api(page.request, "POST", `/api/customers/${c.id}/feeds`, { kind: "followUp", content: "看得见" });
  const email = `viewer-${unique()}@${tenant.slug}.test`;
  cli("user:create", "--tenant", tenant.slug, "--email", email, "--password", "password-123", "--role", "viewer", "--login-no", `v${unique()}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const viewer = await context.newPage();
  await signIn(viewer, email, "password-123");
  await viewer.goto(`/customers/${c.id}`);
  await expect(viewer.getByTestId("customer-name")).toHaveText(c.name);
  await expect(viewer.getByTestId("timeline")).toContainText("看得见", { timeout: 30_000 });
  await expect(viewer.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Record event" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Ticket" })).toHaveCount(0);
  await context.close();
});

test("scrolling to the end of the timeline loads the older entries", async ({ signedInPage: page }) => {
  const c = await newCustomer(page);
  for (let i = 1; i <= 25; i++) {
    await api(page.request, "POST", `/api/customers/${c.id}/feeds`, { kind: "followUp", content: `回访第${i}次` });
  }
  await page.goto(`/customers/${c.id}`);
  const entries = timeline(page).getByTestId("timeline-entry");
  await expect(entries.first()).toContainText("回访第25次", { timeout: 30_000 });
  await expect(page.getByText("The beginning of this customer's history")).toHaveCount(0);

  await entries.last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 5000);
  await expect(entries).toHaveCount(25);
  await expect(entries.last()).toContainText("回访第1次");
  await expect(page.getByText("The beginning of this customer's history")).toBeVisible();
});
