import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import Papa from "papaparse";
import type { APIRequestContext } from "@playwright/test";
import { cli, expect, makeTenant, signIn, test } from "../fixtures";

const unique = () => randomBytes(3).toString("hex");
/** An 11-digit mobile number no other test uses. */
const phoneNumber = () => `139${String(parseInt(randomBytes(4).toString("hex"), 16) % 100_000_000).padStart(8, "0")}`;

async function createCustomer(request: APIRequestContext, body: Record<string, unknown>): Promise<{ id: number; name: string }> {
  const res = await request.post("/api/customers", { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

test("a required custom field: New customer asks for it and the customer is created with it", async ({ browser }) => {
  // a tenant of its own: a required field would refuse the other tests' customers
  const tenant = makeTenant("cf");
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, tenant.admin.email, tenant.admin.password);
  const res = await page.request.post("/api/custom-fields", { data: { name: "会员等级", type: "select", options: ["金卡", "银卡"], required: true } });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto("/customers");
  await page.getByRole("button", { name: "New customer" }).click();
  const dialog = page.getByRole("dialog", { name: "New customer" });
  const name = `必填 ${unique()}`;
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Phone 1", { exact: true }).fill("12345");
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog.getByText("Not a valid phone number")).toBeVisible();
  await expect(dialog.getByText("Required", { exact: true })).toBeVisible();

  const phone = phoneNumber();
  await dialog.getByLabel("Phone 1", { exact: true }).fill(phone);
  await dialog.getByLabel("会员等级 *").selectOption("金卡");
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${name} is added`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  // stored in E.164
  await expect(row).toContainText(`+86${phone}`);
  await context.close();
});

test("export the filtered view as CSV and read it back", async ({ signedInPage: page }) => {
  const tag = `导出${unique()}`;
  for (const n of ["甲", "乙", "丙"]) await createCustomer(page.request, { name: `${tag} ${n}`, phones: [{ number: phoneNumber() }] });
  await createCustomer(page.request, { name: `其他 ${unique()}` });

  await page.goto(`/customers?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("row").filter({ hasText: tag })).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^customers-\d{8}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString("utf8").slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.meta.fields?.slice(0, 3)).toEqual(["ID", "Name", "Phones"]);
  expect(parsed.data.map((r) => r.Name).sort()).toEqual([`${tag} 丙`, `${tag} 乙`, `${tag} 甲`].sort());
  expect(parsed.data.every((r) => r.Phones.startsWith("+86139"))).toBe(true);
});

test("import a CSV: the preview shows the bad row, four are written, and the audit log shows the import", async ({ signedInPage: page }) => {
  const tag = `导入${unique()}`;
  const rows = [
    ["Name", "Phones", "Labels"],
    [`${tag} 1`, phoneNumber(), "csv"],
    [`${tag} 2`, phoneNumber(), "csv"],
    [`${tag} 3`, "12345", "csv"],
    [`${tag} 4`, phoneNumber(), "csv"],
    [`${tag} 5`, phoneNumber(), ""],
  ];
  await page.goto("/customers");
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import customers from CSV" });
  await dialog.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(Papa.unparse(rows)) });
  await expect(dialog.getByLabel("Column “Phones”")).toHaveValue("phones");
  await expect(dialog.getByRole("status")).toHaveText("4 rows are valid, 1 has errors.");
  const bad = dialog.getByRole("row").filter({ hasText: `${tag} 3` });
  await expect(bad).toContainText("Phones: That is not a valid phone number.");

  await dialog.getByRole("button", { name: "Import 4 valid rows" }).click();
  await expect(dialog.getByRole("status")).toHaveText("4 customers created, 1 skipped.");
  await expect(dialog.getByText("Line 4:")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).first().click();

  await page.getByLabel("Search customers by name or phone").fill(tag);
  await expect(page.getByRole("row").filter({ hasText: tag })).toHaveCount(4);

  await page.goto("/settings/audit");
  await page.getByLabel("Record", { exact: true }).selectOption({ label: "Customer" });
  const entry = page.getByRole("row").filter({ hasText: "Imported" }).first();
  await expect(entry).toContainText("4 created, 1 skipped (lines 2–6)");
});

test("the command palette jumps to a customer found by phone; / focuses the list's search", async ({ signedInPage: page }) => {
  const phone = phoneNumber();
  const customer = await createCustomer(page.request, { name: `面板 ${unique()}`, phones: [{ number: phone }] });
  await page.goto("/customers");
  await page.locator("main h1").click();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search customers by name or phone")).toBeFocused();

  await page.locator("main h1").click();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill(phone.slice(3));
  await palette.getByRole("option", { name: customer.name }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
});

test("bulk: add a label to two selected customers", async ({ signedInPage: page }) => {
  const tag = `批量${unique()}`;
  const label = `bulk-${unique()}`;
  for (const n of ["一", "二", "三"]) await createCustomer(page.request, { name: `${tag} ${n}` });
  await page.goto(`/customers?q=${encodeURIComponent(tag)}`);
  await page.getByRole("checkbox", { name: `Select ${tag} 一` }).click();
  await page.getByRole("checkbox", { name: `Select ${tag} 二` }).click();
  const bar = page.getByRole("toolbar", { name: "2 selected" });
  await bar.getByRole("button", { name: "Add labels" }).click();
  const dialog = page.getByRole("dialog", { name: "Add labels to 2 customers" });
  await dialog.getByLabel("Labels").fill(label);
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Labels added to 2 customers")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: label })).toHaveCount(2);
  await expect(page.getByRole("row").filter({ hasText: `${tag} 三` })).not.toContainText(label);
});

test("the list says when a page is past the end and offers the last one; a filter chip names its field", async ({ signedInPage: page }) => {
  await createCustomer(page.request, { name: `末页 ${unique()}` });
  await page.goto("/customers?page=999");
  await expect(page.getByText(/Page 999 is past the end: there (is|are) \d+ pages?\./)).toBeVisible();
  await page.getByRole("button", { name: "Go to the last page" }).click();
  await expect(page).not.toHaveURL(/page=999/);
  await expect(page.getByRole("row").nth(1)).toBeVisible();

  await page.getByLabel("Type", { exact: true }).selectOption({ label: "签约客户" });
  await expect(page.getByText("Type: 签约客户")).toBeVisible();
});

test("an admin edits a user's role", async ({ signedInPage: page, tenant }) => {
  const email = `edit-${unique()}@${tenant.slug}.test`;
  cli("user:create", "--tenant", tenant.slug, "--email", email, "--password", "password-123", "--role", "marketer", "--login-no", `e${unique()}`, "--name", `编辑 ${unique()}`);
  await page.goto("/settings/users");
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: /^Edit / });
  await dialog.getByLabel("Role").selectOption({ label: "Viewer" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("combobox", { name: /^Role of / })).toHaveText("Viewer");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email }).getByRole("combobox", { name: /^Role of / })).toHaveText("Viewer");
});
