import { randomBytes } from "node:crypto";
import { expect, test } from "../fixtures";

test("a new stage is offered in the event-type form, and a stage in use cannot be deleted", async ({ signedInPage: page }) => {
  const stageName = `E2E 阶段 ${randomBytes(3).toString("hex")}`;
  await page.goto("/settings");
  await page.getByRole("link", { name: /Lifecycle stages/ }).click();
  await expect(page.getByRole("heading", { name: "Lifecycle stages" })).toBeVisible();
  await expect(page.getByRole("row", { name: /成交客户/ })).toBeVisible();

  await page.getByRole("button", { name: "New stage" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(stageName);
  await dialog.getByRole("button", { name: "Create stage" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(stageName) })).toBeVisible();

  // the same name twice is refused by the server, on the form
  await page.getByRole("button", { name: "New stage" }).click();
  await dialog.getByLabel("Name").fill(stageName);
  await dialog.getByRole("button", { name: "Create stage" }).click();
  await expect(dialog.getByRole("alert")).toContainText(/already (exists|taken)/);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // offered in the event-type form; use it for a new type
  const eventKey = `stage_use_${randomBytes(3).toString("hex")}`;
  await page.goto("/event-types/new");
  await expect(page.getByLabel("Stage").locator("option", { hasText: stageName })).toHaveCount(1);
  await page.getByLabel("Event key").fill(eventKey);
  await page.getByLabel("Name", { exact: true }).fill("Uses the new stage");
  await page.getByLabel("Stage").selectOption({ label: stageName });
  await page.getByRole("button", { name: "Create event type" }).click();
  await expect(page.getByRole("row", { name: new RegExp(eventKey) })).toContainText(stageName);

  // in use: the list's counts already say so, so the confirmation gives the reason and no Delete, before any click
  await page.goto("/settings/stages");
  await page.getByRole("button", { name: `Delete ${stageName}` }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("alert")).toContainText(`${stageName} is used by 1 event type and no customer`);
  await expect(confirm.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await confirm.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("row", { name: new RegExp(stageName) })).toBeVisible();

  // rename: the event type shows the new name
  await page.getByRole("button", { name: `Edit ${stageName}` }).click();
  await dialog.getByLabel("Name").fill(`${stageName} 改`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await page.goto("/event-types");
  await expect(page.getByRole("row", { name: new RegExp(eventKey) })).toContainText(`${stageName} 改`);
});

test("an unused stage is deleted after confirmation", async ({ signedInPage: page }) => {
  const stageName = `E2E 临时 ${randomBytes(3).toString("hex")}`;
  await page.goto("/settings/stages");
  await page.getByRole("button", { name: "New stage" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(stageName);
  await dialog.getByLabel("Sort order").fill("99");
  await dialog.getByRole("button", { name: "Create stage" }).click();
  const row = page.getByRole("row", { name: new RegExp(stageName) });
  await expect(row).toContainText("99");

  await row.getByRole("button", { name: `Delete ${stageName}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(stageName) })).toHaveCount(0);
});

test("a new event category is offered in the event-type form, and can be deleted", async ({ signedInPage: page }) => {
  const code = `e2e_${randomBytes(3).toString("hex")}`;
  await page.goto("/settings/categories");
  await expect(page.getByRole("row", { name: /trade/ })).toBeVisible();
  await page.getByRole("button", { name: "New category" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Code").fill(code);
  await dialog.getByLabel("Name").fill("E2E category");
  await dialog.getByRole("button", { name: "Create category" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(code) });
  await expect(row).toContainText("E2E category");

  await page.goto("/event-types/new");
  await expect(page.getByLabel("Category").locator("option", { hasText: `E2E category (${code})` })).toHaveCount(1);

  await page.goto("/settings/categories");
  await row.getByRole("button", { name: "Delete E2E category" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
});
