import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import en from "../../messages/en/segments.json";
import zh from "../../messages/zh-CN/segments.json";
import { cli, expect, signIn, test, type TenantFixture } from "../fixtures";

/** Data for these tests goes in through the console's own JSON API, as the signed-in admin. */
async function api<T>(request: APIRequestContext, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
  const res = await request.fetch(path, { method, data });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

const unique = () => randomBytes(3).toString("hex");

async function customer(page: Page, stageId: number, paid: number, eventKey: string) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const c = await api<{ id: number; name: string }>(page.request, "POST", "/api/customers", { name: `客户-${unique()}`, phones: [{ number: phone }] });
  for (let i = 0; i < paid; i++) await api(page.request, "POST", `/api/customers/${c.id}/events`, { event: eventKey, attrValueList: [{ attrKey: "amount", attrValue: "120" }] });
  // after the events: recording one moves the customer to the event type's stage
  await api(page.request, "PATCH", `/api/customers/${c.id}`, { stageId });
  return c;
}

test("build “stage is X and did order_paid ≥ 2 in 30 days”, save, snapshot to a group, see it on a member's page", async ({ signedInPage: page }) => {
  const u = unique();
  const stage = await api<{ id: number; name: string }>(page.request, "POST", "/api/stages", { name: `意向-${u}` });
  const other = await api<{ id: number; name: string }>(page.request, "POST", "/api/stages", { name: `其他-${u}` });
  const type = await api<{ eventKey: string; name: string }>(page.request, "POST", "/api/event-types", {
    eventKey: `order_paid_${u}`,
    name: `支付-${u}`,
    isInteract: true,
    rating: 1,
    stageId: other.id,
    attributes: [{ attrKey: "amount", attrName: "金额", type: "value", showInFlow: true }],
  });
  const twice = await customer(page, stage.id, 2, type.eventKey);
  const once = await customer(page, stage.id, 1, type.eventKey);
  const elsewhere = await customer(page, other.id, 2, type.eventKey);

  await page.goto("/segments/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.new);
  const count = page.getByTestId("segment-count");
  const members = page.getByTestId("segment-members");

  // stage is X: the two customers in that stage
  await page.getByRole("button", { name: en.builder.addCondition, exact: true }).click();
  const stageRow = page.getByTestId("rule-row").nth(0);
  await expect(stageRow.getByLabel(en.builder.field)).toHaveValue("stage");
  await expect(page.getByTestId("segment-preview")).toContainText(en.preview.incomplete);
  await stageRow.getByLabel(en.builder.value).selectOption({ label: stage.name });
  await expect(count).toHaveText("2");
  await expect(members).toContainText(twice.name);
  await expect(members).toContainText(once.name);
  await expect(members).not.toContainText(elsewhere.name);

  // … and did order_paid at least twice in the last 30 days
  await page.getByRole("button", { name: en.builder.addBehaviour, exact: true }).click();
  const eventRow = page.getByTestId("rule-row").nth(1);
  await eventRow.getByLabel(en.builder.eventType).selectOption({ label: `${type.name} (${type.eventKey})` });
  await expect(eventRow.getByLabel(en.builder.countOp)).toHaveValue("gte");
  await eventRow.getByLabel(en.builder.countValue).fill("2");
  await eventRow.getByLabel(en.builder.withinDays).fill("30");
  await expect(count).toHaveText("1");
  await expect(members).toContainText(twice.name);
  await expect(members).not.toContainText(once.name);

  // the JSON is the CLI's format
  await page.getByRole("button", { name: en.json.open }).click();
  const json = JSON.parse(await page.getByTestId("rule-json").inputValue());
  expect(json).toEqual({ all: [{ field: "stage", op: "eq", value: stage.id }, { event: type.eventKey, count: { op: "gte", value: 2 }, withinDays: 30 }] });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  const name = `Paid twice ${u}`;
  await page.getByLabel(en.editor.name, { exact: true }).fill(name);
  await page.getByRole("button", { name: en.editor.create }).click();
  await page.waitForURL(/\/segments\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(count).toHaveText("1");

  // snapshot into a new group
  await page.getByRole("button", { name: en.snapshot.open }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(en.snapshot.groupName).fill(`Snap ${u}`);
  await dialog.getByRole("button", { name: en.snapshot.submit }).click();
  const result = dialog.getByTestId("snapshot-result");
  await expect(result).toContainText(`Added 1 customer to “Snap ${u}”.`);
  await expect(result.getByRole("link", { name: `Open “Snap ${u}”` })).toHaveAttribute("href", /^\/groups\/\d+$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // the list shows it with its live count
  await page.goto("/segments");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByTestId("segment-row-count")).toHaveText("1");

  // a member's page names the segment; a non-member's does not
  await row.getByRole("link", { name }).click();
  await page.getByTestId("segment-members").getByRole("link", { name: twice.name }).click();
  await page.waitForURL(`**/customers/${twice.id}`);
  await expect(page.getByTestId("customer-segments")).toContainText(name);
  await page.goto(`/customers/${once.id}`);
  await expect(page.getByTestId("customer-segments")).toContainText(en.customerCard.none);
});

test("an invalid rule is shown at its row", async ({ signedInPage: page }) => {
  await page.goto("/segments/new");
  await page.getByRole("button", { name: en.builder.addCondition, exact: true }).click();
  const row = page.getByTestId("rule-row").nth(0);
  await row.getByLabel(en.builder.field).selectOption("score");
  // an empty value: said at the row, and no count is asked
  await expect(row).toContainText(en.builder.missingValue);
  await expect(page.getByTestId("segment-preview")).toContainText(en.preview.incomplete);
  // a range the server refuses: its message at the row the path names (all.0.value)
  await row.getByLabel(en.builder.operator).selectOption("between");
  await row.getByLabel(`${en.builder.value} ${en.builder.from}`).fill("10");
  await row.getByLabel(`${en.builder.value} ${en.builder.to}`).fill("5");
  await expect(row.getByTestId("rule-problem")).toHaveText("Not accepted: from is greater than to");
  await expect(page.getByTestId("segment-preview")).toContainText(en.preview.refused);
  await row.getByLabel(`${en.builder.value} ${en.builder.to}`).fill("50");
  await expect(row.getByTestId("rule-problem")).toHaveCount(0);
  await expect(page.getByTestId("segment-count")).toHaveText(/^\d+$/);
});

async function signedIn(browser: Browser, tenant: TenantFixture, locale: "zh-CN" | "en-US"): Promise<Page> {
  const user = { email: `seg-${unique()}@${tenant.slug}.test`, password: "password-789" };
  cli("user:create", "--tenant", tenant.slug, "--email", user.email, "--password", user.password, "--role", "marketer", "--login-no", String(7000 + Math.floor(Math.random() * 2000)));
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

for (const [locale, m] of [["en-US", en], ["zh-CN", zh]] as const) {
  test(`the segments pages in ${locale}`, async ({ browser, tenant }) => {
    const page = await signedIn(browser, tenant, locale);
    for (const [path, heading] of [["/segments", m.title], ["/segments/new", m.new]] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      const text = await page.locator("main#main").innerText();
      const raw = text.split("\n").map((l) => l.trim()).filter((l) => /^[a-z]+\.[a-zA-Z.]+$/.test(l));
      expect(raw, `raw message keys on ${path}`).toEqual([]);
    }
    await expect(page.getByRole("button", { name: m.builder.addBehaviour, exact: true })).toBeVisible();
    await page.context().close();
  });
}
