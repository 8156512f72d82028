import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { cli, expect, signIn, test } from "../fixtures";

const unique = () => randomBytes(3).toString("hex");
/** An 11-digit mobile number no other test uses. */
const phoneNumber = () => `139${String(parseInt(randomBytes(4).toString("hex"), 16) % 100_000_000).padStart(8, "0")}`;

/** Creates customers through the console's JSON API (the signed-in page's cookies). */
async function createCustomers(request: APIRequestContext, bodies: Record<string, unknown>[]) {
  for (const body of bodies) {
    const res = await request.post("/api/customers", { data: body });
    expect(res.status(), await res.text()).toBe(201);
  }
}

test("create a customer in the dialog, find it by phone, and be told when a phone is taken", async ({ signedInPage: page }) => {
  const name = `E2E 客户 ${unique()}`;
  const phone = phoneNumber();
  const label = `e2e-${unique()}`;
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "New customer" }).click();
  const dialog = page.getByRole("dialog", { name: "New customer" });
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog.getByText("is required")).toBeVisible();

  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Phone 1", { exact: true }).fill(phone);
  await dialog.getByLabel("E-mail").fill(`${unique()}@example.test`);
  await dialog.getByLabel("Labels").fill(`${label}, VIP`);
  await dialog.getByLabel("Type", { exact: true }).selectOption({ label: "签约客户" });
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${name} is added`)).toBeVisible();

  await page.getByLabel("Search customers by name or phone").fill(phone.slice(2));
  await expect(page).toHaveURL(new RegExp(`[?&]q=${phone.slice(2)}`));
  const rows = page.getByRole("row").filter({ hasText: phone });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(name);
  await expect(rows).toContainText("签约客户");
  await expect(rows).toContainText(label);
  await expect(page.getByText("1–1 of 1")).toBeVisible();

  // the row leads to the customer's page
  await expect(rows.getByRole("link", { name })).toHaveAttribute("href", /^\/customers\/\d+$/);

  // the same phone again: the server refuses, and the form says why
  await page.getByRole("button", { name: "New customer" }).click();
  await dialog.getByLabel("Name", { exact: true }).fill(`${name} bis`);
  await dialog.getByLabel("Phone 1", { exact: true }).fill(phone);
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(dialog.getByRole("alert")).toContainText(`${phone}已经使用`);
  await expect(dialog).toBeVisible();
});

test("filters live in the URL: reload keeps them, back removes them", async ({ signedInPage: page }) => {
  const tag = unique();
  const label = `filt-${tag}`;
  await createCustomers(page.request, [
    { name: `Filter ${tag} A`, labels: [label] },
    { name: `Filter ${tag} B`, labels: [label] },
    { name: `Filter ${tag} C` },
  ]);
  await page.goto(`/customers?q=${encodeURIComponent(`Filter ${tag}`)}`);
  await expect(page.getByText("1–3 of 3")).toBeVisible();

  await page.getByLabel("Label", { exact: true }).selectOption({ label });
  await expect(page).toHaveURL(/[?&]labelId=\d+/);
  await expect(page.getByText("1–2 of 2")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `Filter ${tag} C` })).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel("Label", { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByLabel("Search customers by name or phone")).toHaveValue(`Filter ${tag}`);
  await expect(page.getByText("1–2 of 2")).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/labelId=/);
  await expect(page.getByText("1–3 of 3")).toBeVisible();
  await expect(page.getByLabel("Label", { exact: true })).toHaveValue("");

  await page.goForward();
  await expect(page).toHaveURL(/[?&]labelId=\d+/);
  await expect(page.getByText("1–2 of 2")).toBeVisible();
});

test("pages and sorts on the server", async ({ signedInPage: page }) => {
  test.slow(); // 30 customers to create first
  const tag = unique();
  await createCustomers(
    page.request,
    Array.from({ length: 30 }, (_, i) => ({ name: `Pager ${tag} ${String(i + 1).padStart(2, "0")}`, score: i + 1 })),
  );
  await page.goto(`/customers?q=${encodeURIComponent(`Pager ${tag}`)}`);
  await expect(page.getByText("1–25 of 30")).toBeVisible();
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  // newest first by default
  await expect(page.getByRole("row").nth(1)).toContainText(`Pager ${tag} 30`);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByText("26–30 of 30")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("row").nth(1)).toContainText(`Pager ${tag} 05`);

  // sorting goes back to page 1, highest score first; a second click turns it round
  await page.getByRole("button", { name: "Score" }).click();
  await expect(page).toHaveURL(/sort=score&order=desc/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByRole("row").nth(1)).toContainText(`Pager ${tag} 30`);
  await page.getByRole("button", { name: "Score" }).click();
  await expect(page).toHaveURL(/sort=score&order=asc/);
  await expect(page.getByRole("row").nth(1)).toContainText(`Pager ${tag} 01`);

  await page.goto(`/customers?q=${encodeURIComponent(`Pager ${tag}`)}&sort=score&order=desc`);
  await expect(page.getByRole("row").nth(1)).toContainText(`Pager ${tag} 30`);
  await expect(page.getByRole("columnheader", { name: "Score" })).toHaveAttribute("aria-sort", "descending");

  // a link past the last page says so (and shows no "226–30 of 30") and leads to the last page
  await page.goto(`/customers?q=${encodeURIComponent(`Pager ${tag}`)}&page=9`);
  await expect(page.getByText("Page 9 is past the end: there are 2 pages.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  await page.getByRole("button", { name: "Go to the last page" }).click();
  await expect(page.getByText("26–30 of 30")).toBeVisible();
});

test("a viewer sees the customers but no New customer button", async ({ browser, tenant }) => {
  const email = `viewer-${unique()}@${tenant.slug}.test`;
  cli("user:create", "--tenant", tenant.slug, "--email", email, "--password", "password-123", "--role", "viewer", "--login-no", `v${unique()}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, email, "password-123");
  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pagination" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New customer" })).toHaveCount(0);
  await context.close();
});
