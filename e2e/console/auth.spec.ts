import { randomBytes } from "node:crypto";
import { cli, eventsToken, expect, signIn, test } from "../fixtures";

test("a wrong password keeps you on the sign-in page with a message", async ({ page, tenant }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/e-?mail/i).fill(tenant.admin.email);
  await page.getByLabel(/password/i).fill("not-the-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  // (Next's route announcer is an empty role=alert too)
  await expect(page.getByRole("alert").filter({ hasText: /wrong e-mail or password/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel(/e-?mail/i)).toHaveValue(tenant.admin.email);
});

test("signing out returns to the sign-in page and closes the console", async ({ page, tenant }) => {
  await signIn(page, tenant.admin.email, tenant.admin.password);
  await page.goto("/event-types");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/event-types");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a viewer sees event types and stages without any write button", async ({ page, tenant, request }) => {
  // a row to look at, so that "no row actions" means something
  const eventKey = `viewed_${randomBytes(3).toString("hex")}`;
  const token = await eventsToken(request, tenant.key);
  const stages = (await (await request.get("/openapi/stage/queryList", { headers: { token } })).json()).data as { stageId: number }[];
  const added = await request.post("/openapi/event-type/add", {
    headers: { token },
    data: { eventKey, name: "Viewed type", isInteract: "1", stageId: stages[0].stageId, attrList: [] },
  });
  expect(added.status()).toBe(200);

  const viewer = { email: `viewer-${randomBytes(3).toString("hex")}@${tenant.slug}.test`, password: "password-456" };
  cli("user:create", "--tenant", tenant.slug, "--email", viewer.email, "--password", viewer.password, "--role", "viewer", "--login-no", "9002");
  await signIn(page, viewer.email, viewer.password);

  await page.goto("/event-types");
  await expect(page.getByRole("heading", { name: "Event types" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Show archived" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(eventKey) })).toBeVisible();
  await expect(page.getByRole("link", { name: "New event type" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Archive / })).toHaveCount(0);

  // the type's page is read only
  await page.getByRole("link", { name: "Viewed type" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  await page.goto("/settings/stages");
  await expect(page.getByRole("row", { name: /成交客户/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "New stage" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);

  await page.goto("/event-types/new");
  await expect(page).toHaveURL(/\/forbidden/);
});
