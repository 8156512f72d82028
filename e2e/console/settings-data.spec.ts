import { randomBytes } from "node:crypto";
import { cli, expect, signIn, test } from "../fixtures";

// Settings of customer data: custom fields, option lists, departments and tasks, as a marketer
// (here the tenant's admin) and as a viewer. Every name carries a random suffix: tests of one
// worker share its tenant.
const suffix = () => randomBytes(2).toString("hex");

test("a required custom field appears in the list, and a duplicate name is refused on the form", async ({ signedInPage: page }) => {
  const name = `会员等级-${suffix()}`;
  await page.goto("/settings/custom-fields");
  await page.getByRole("button", { name: "New field" }).click();
  const dialog = page.getByRole("dialog", { name: "New custom field" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Type").selectOption("select");
  await dialog.getByLabel("Options").fill("普通\n金卡\n钻石");
  await dialog.getByRole("switch", { name: "Required" }).click();
  await dialog.getByRole("button", { name: "Create field" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Choice from a list");
  await expect(row).toContainText("Required");
  await expect(row).toContainText("普通 · 金卡 · 钻石");

  // still there after a reload (rendered by the server this time)
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Required");

  // the same name again: the server's 409 is shown on the form, which stays open
  await page.getByRole("button", { name: "New field" }).click();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create field" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already taken");
  await expect(dialog).toBeVisible();
});

test("a select field without options is refused before anything is sent", async ({ signedInPage: page }) => {
  await page.goto("/settings/custom-fields");
  await page.getByRole("button", { name: "New field" }).click();
  const dialog = page.getByRole("dialog", { name: "New custom field" });
  await dialog.getByLabel("Name").fill(`空选项-${suffix()}`);
  await dialog.getByLabel("Type").selectOption("select");
  await dialog.getByRole("button", { name: "Create field" }).click();
  await expect(dialog.getByText("A choice field needs at least one option")).toBeVisible();
});

test("a value added to the source list shows under Source only, and can be renamed", async ({ signedInPage: page }) => {
  const value = `展会-${suffix()}`;
  await page.goto("/settings/options");
  await page.getByRole("tab", { name: /Source/ }).click();
  const panel = page.getByRole("tabpanel", { name: /Source/ });
  await expect(panel.getByRole("row", { name: /老客户介绍/ })).toBeVisible();
  await panel.getByLabel("New value").fill(value);
  await panel.getByRole("button", { name: "Add" }).click();
  await expect(panel.getByRole("row", { name: new RegExp(value) })).toBeVisible();
  await expect(panel.getByLabel("New value")).toHaveValue("");

  await page.reload();
  await page.getByRole("tab", { name: /Customer type/ }).click();
  await expect(page.getByRole("tabpanel", { name: /Customer type/ }).getByRole("row", { name: new RegExp(value) })).toHaveCount(0);
  await page.getByRole("tab", { name: /Source/ }).click();
  await expect(panel.getByRole("row", { name: new RegExp(value) })).toBeVisible();

  await panel.getByRole("button", { name: `Rename ${value}` }).click();
  const dialog = page.getByRole("dialog", { name: `Rename ${value}` });
  await dialog.getByLabel("Name").fill(`${value}-春季`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole("row", { name: new RegExp(`${value}-春季`) })).toBeVisible();
});

test("a department can be created and deleted; one with staff is refused", async ({ signedInPage: page }) => {
  const name = `华北销售部-${suffix()}`;
  await page.goto("/settings/departments");
  await page.getByRole("button", { name: "New department" }).click();
  const dialog = page.getByRole("dialog", { name: "New department" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create department" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete ${name}?` });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

  // a department someone works in: the server refuses and the page says why
  const busy = `客服二部-${suffix()}`;
  const created = await page.request.post("/api/departments", { data: { name: busy } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const staff = await page.request.post("/api/users", {
    data: { email: `staff-${suffix()}@e2e.test`, password: "password-123", role: "marketer", loginNo: String(7000 + Math.floor(Math.random() * 999)), departmentId: id },
  });
  expect(staff.status()).toBe(201);
  await page.reload();
  const busyRow = page.getByRole("row", { name: new RegExp(busy) });
  await busyRow.getByRole("button", { name: `Delete ${busy}` }).click();
  // the list's counts already say it is in use: the dialog says why and offers no Delete
  const refusal = page.getByRole("alertdialog");
  await expect(refusal.getByRole("alert")).toContainText(`${busy} still has 1 staff`);
  await expect(refusal.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await refusal.getByRole("button", { name: "Close" }).click();
  await expect(busyRow).toBeVisible();
});

test("a task can be created and renamed", async ({ signedInPage: page }) => {
  const name = `新客户首呼-${suffix()}`;
  await page.goto("/settings/tasks");
  await page.getByRole("button", { name: "New task" }).click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();

  await page.getByRole("button", { name: `Rename ${name}` }).click();
  const rename = page.getByRole("dialog", { name: `Rename ${name}` });
  await rename.getByLabel("Name").fill(`${name}-二期`);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename).toBeHidden();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(`${name}-二期`) })).toBeVisible();
});

test("a viewer reads the settings but gets no write controls", async ({ browser, tenant }) => {
  const email = `viewer-${suffix()}@${tenant.slug}.test`;
  cli("user:create", "--tenant", tenant.slug, "--email", email, "--password", "password-123", "--role", "viewer", "--login-no", String(6000 + Math.floor(Math.random() * 999)));
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, email, "password-123");

  await page.goto("/settings/options");
  await expect(page.getByRole("tabpanel", { name: /Customer type/ }).getByRole("row", { name: /潜在客户/ })).toBeVisible();
  await expect(page.getByLabel("New value")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Rename|Remove/ })).toHaveCount(0);

  for (const [path, create] of [
    ["/settings/custom-fields", "New field"],
    ["/settings/departments", "New department"],
    ["/settings/tasks", "New task"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("button", { name: create })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Edit|Rename|Delete/ })).toHaveCount(0);
  }
  await context.close();
});
