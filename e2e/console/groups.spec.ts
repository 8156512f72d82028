import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import Papa from "papaparse";
import en from "../../messages/en/groups.json";
import zh from "../../messages/zh-CN/groups.json";
import { cli, expect, signIn, test, type TenantFixture } from "../fixtures";

const unique = () => randomBytes(3).toString("hex");

/** Data goes in through the console's own JSON API, as the signed-in user. */
async function api<T>(request: APIRequestContext, method: "GET" | "POST" | "DELETE", path: string, data?: unknown): Promise<T> {
  const res = await request.fetch(path, { method, data });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

async function newCustomer(page: Page, name = `客户-${unique()}`) {
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const c = await api<{ id: number; name: string }>(page.request, "POST", "/api/customers", { name, phones: [{ number: phone }] });
  return { ...c, phone };
}

const memberCount = (page: Page) => page.getByTestId("member-count");

test("a group's life: create, add from a pasted list (an unknown row is shown and left out), export, remove a member, delete", async ({
  signedInPage: page,
}) => {
  const [byId, byPhone, byName] = [await newCustomer(page), await newCustomer(page), await newCustomer(page)];
  const unknown = `nobody-${unique()}`;
  const name = `金卡会员-${unique()}`;

  await page.goto("/groups");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);
  await page.getByRole("button", { name: en.new }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: en.create }).click();
  await page.waitForURL(/\/groups\/\d+$/);
  const groupId = Number(new URL(page.url()).pathname.split("/").at(-1));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(memberCount(page)).toHaveText("0 members");

  // batch add: the preview names the unknown row before anything is written
  await page.getByRole("button", { name: en.batch.open }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(en.batch.paste).fill([String(byId.id), `${byPhone.phone.slice(0, 3)} ${byPhone.phone.slice(3)}`, "", byName.name, unknown].join("\n"));
  await dialog.getByRole("button", { name: en.batch.preview }).click();
  const preview = dialog.getByTestId("batch-preview");
  await expect(preview).toContainText("3 rows match a customer; 1 matches nobody; none match several");
  const problem = preview.locator("tr[data-status]");
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText(unknown);
  await expect(problem).toContainText(en.batch.unknown);
  await expect(memberCount(page)).toHaveText("0 members");
  await dialog.getByRole("button", { name: "Add 3 customers" }).click();
  await expect(dialog).toBeHidden();
  await expect(memberCount(page)).toHaveText("3 members");
  for (const c of [byId, byPhone, byName]) await expect(page.getByRole("link", { name: c.name })).toBeVisible();
  const members = await api<{ items: { customerId: number }[] }>(page.request, "GET", `/api/groups/${groupId}/members`);
  expect(members.items.map((m) => m.customerId).sort()).toEqual([byId.id, byPhone.id, byName.id].sort());

  // joined today, counted over a range of days; a reversed range is refused by the form
  const today = await page.getByLabel(en.joined.to, { exact: true }).inputValue();
  await page.getByLabel(en.joined.from, { exact: true }).fill(today);
  await page.getByRole("button", { name: en.joined.apply }).click();
  await expect(page.getByTestId("joined-count")).toHaveText(`3 members joined from ${today} to ${today}`);
  await page.getByLabel(en.joined.to, { exact: true }).fill("2020-01-01");
  await page.getByRole("button", { name: en.joined.apply }).click();
  await expect(page.getByText(en.joined.reversed)).toBeVisible();
  await expect(page.getByTestId("joined-count")).toHaveText(`3 members joined from ${today} to ${today}`);

  // export: a CSV with a BOM whose rows are the members
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: en.page.export }).click();
  const file = await (await download).path();
  const text = await readFile(file, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => Number(r.customerId)).sort()).toEqual([byId.id, byPhone.id, byName.id].sort());
  const phoneRow = rows.find((r) => Number(r.customerId) === byPhone.id)!;
  expect(phoneRow.name).toBe(byPhone.name);
  expect(phoneRow.phones).toContain(byPhone.phone); // stored as +86…

  // remove one selected member
  await page.getByRole("checkbox", { name: `Select ${byId.name}` }).click();
  await page.getByRole("button", { name: en.page.removeSelected }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: en.page.removeSelected }).click();
  await expect(memberCount(page)).toHaveText("2 members");
  await expect(page.getByRole("link", { name: byId.name })).toBeHidden();

  // delete: refused while members remain, then with "remove members and delete"
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm.getByRole("alert")).toContainText("The group still has 2 members.");
  await expect(memberCount(page)).toHaveText("2 members");
  await confirm.getByRole("checkbox", { name: en.delete.removeMembers }).click();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/groups");
  await page.getByLabel(en.searchPlaceholder).fill(name);
  await expect(page.getByText(en.noMatch)).toBeVisible();
  // the customers stay
  await api(page.request, "GET", `/api/customers/${byPhone.id}`);
});

test("the groups list searches in the URL and renames", async ({ signedInPage: page }) => {
  const tag = unique();
  const a = await api<{ id: number; name: string }>(page.request, "POST", "/api/groups", { name: `检索-${tag}-甲` });
  await api(page.request, "POST", "/api/groups", { name: `检索-${tag}-乙` });
  await page.goto(`/groups?q=${encodeURIComponent(`${tag}-甲`)}`);
  await expect(page.getByLabel(en.searchPlaceholder)).toHaveValue(`${tag}-甲`);
  await expect(page.getByRole("link", { name: a.name })).toBeVisible();
  await expect(page.getByRole("link", { name: `检索-${tag}-乙` })).toBeHidden();

  await page.getByRole("button", { name: `Rename ${a.name}` }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(`检索-${tag}-丙`);
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  await page.getByLabel(en.searchPlaceholder).fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByRole("link", { name: `检索-${tag}-丙` })).toBeVisible();
  await expect(page.getByRole("link", { name: `检索-${tag}-乙` })).toBeVisible();
});

/** A marketer of the worker's tenant with a browser of this language. */
async function signedIn(browser: Browser, tenant: TenantFixture, locale: "zh-CN" | "en-US"): Promise<Page> {
  const user = { email: `groups-${unique()}@${tenant.slug}.test`, password: "password-789" };
  cli("user:create", "--tenant", tenant.slug, "--email", user.email, "--password", user.password, "--role", "marketer", "--login-no", String(7000 + Math.floor(Math.random() * 2000)));
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

async function expectNoRawKeys(page: Page) {
  const lines = (await page.locator("main").innerText()).split("\n").map((l) => l.trim());
  expect(lines.filter((l) => /^[a-z]+\.[a-zA-Z.]+$/.test(l)), `raw message keys on ${page.url()}`).toEqual([]);
}

for (const [locale, words] of [
  ["zh-CN", zh],
  ["en-US", en],
] as const) {
  test(`the group pages speak ${locale}`, async ({ browser, tenant }) => {
    const page = await signedIn(browser, tenant, locale);
    const group = await api<{ id: number; name: string }>(page.request, "POST", "/api/groups", { name: `语言-${unique()}` });
    await page.goto("/groups");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.title);
    await expect(page.getByRole("button", { name: words.new })).toBeVisible();
    await expectNoRawKeys(page);
    await page.goto(`/groups/${group.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(group.name);
    await expect(page.getByRole("heading", { name: words.joined.title })).toBeVisible();
    await expect(page.getByRole("button", { name: words.batch.open })).toBeVisible();
    await expect(page.locator('nav a[aria-current="page"]').first()).toHaveAttribute("href", "/groups");
    await expectNoRawKeys(page);
    await page.context().close();
  });
}

test("a viewer sees the group pages without write controls", async ({ browser, tenant, signedInPage }) => {
  const group = await api<{ id: number }>(signedInPage.request, "POST", "/api/groups", { name: `只读-${unique()}` });
  const user = { email: `viewer-${unique()}@${tenant.slug}.test`, password: "password-789" };
  cli("user:create", "--tenant", tenant.slug, "--email", user.email, "--password", user.password, "--role", "viewer", "--login-no", String(5000 + Math.floor(Math.random() * 900)));
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await page.goto("/groups");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);
  await expect(page.getByRole("button", { name: en.new })).toBeHidden();
  await page.goto(`/groups/${group.id}`);
  await expect(page.getByRole("link", { name: en.page.export })).toBeVisible();
  await expect(page.getByRole("button", { name: en.batch.open })).toBeHidden();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeHidden();
  await context.close();
});

test("the customer page shows the customer's groups and adds and removes one", async ({ signedInPage: page }) => {
  const c = await newCustomer(page);
  const group = await api<{ id: number; name: string }>(page.request, "POST", "/api/groups", { name: `回访名单-${unique()}` });
  await page.goto(`/customers/${c.id}`);
  const card = page.getByTestId("customer-groups");
  await expect(card).toContainText(en.customer.none);

  await card.getByRole("combobox", { name: en.customer.pick }).click();
  await page.getByPlaceholder(en.customer.searchGroups).fill(group.name);
  await page.getByRole("option", { name: group.name }).click();
  await expect(card.getByRole("link", { name: group.name })).toBeVisible();
  const members = await api<{ items: { customerId: number }[] }>(page.request, "GET", `/api/groups/${group.id}/members`);
  expect(members.items.map((m) => m.customerId)).toEqual([c.id]);

  await card.getByRole("button", { name: `Remove from ${group.name}` }).click();
  await expect(card).toContainText(en.customer.none);
  await expect(card.getByRole("link", { name: group.name })).toBeHidden();
});
