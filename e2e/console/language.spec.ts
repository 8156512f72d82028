import { randomBytes } from "node:crypto";
import { cli, expect, signIn, test } from "../fixtures";

/** A user of the worker's tenant of this test's own, so a language choice never leaks into other tests. */
function newUser(tenantSlug: string, loginNo: string) {
  const user = { email: `lang-${randomBytes(3).toString("hex")}@${tenantSlug}.test`, password: "password-789" };
  cli("user:create", "--tenant", tenantSlug, "--email", user.email, "--password", user.password, "--role", "marketer", "--login-no", loginNo);
  return user;
}

test("the language follows the user's choice, kept across sign-ins", async ({ browser, tenant }) => {
  const user = newUser(tenant.slug, `77${randomBytes(2).readUInt16BE() % 100}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();

  await page.getByTestId("user-menu").click();
  await page.getByTestId("language-menu").click();
  await page.getByTestId("locale-zh-CN").click();
  const zhNav = page.getByRole("navigation", { name: "主导航" });
  await expect(zhNav.getByRole("link", { name: "客户" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // a new session in an English browser still gets the user's choice
  const again = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-US" });
  const second = await again.newPage();
  await signIn(second, user.email, user.password);
  await expect(second.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "事件类型" })).toBeVisible();

  await second.getByTestId("user-menu").click();
  await second.getByTestId("language-menu").click();
  await second.getByTestId("locale-en").click();
  await expect(second.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Event types" })).toBeVisible();
  await context.close();
  await again.close();
});

test("without a choice, the browser's language decides", async ({ browser, tenant }) => {
  const user = newUser(tenant.slug, `78${randomBytes(2).readUInt16BE() % 100}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "仪表盘" })).toBeVisible();
  await context.close();
});
