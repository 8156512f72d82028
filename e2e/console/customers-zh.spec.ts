import { expect, signIn, test } from "../fixtures";

test("in Chinese: the customers toolbar, column chooser (kept across reloads), palette, audit and users pages", async ({ browser, tenant }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, tenant.admin.email, tenant.admin.password);
  await page.request.post("/api/customers", { data: { name: "中文列表客户", score: 7 } });

  await page.goto("/customers");
  await expect(page.getByRole("heading", { name: "客户", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "导出 CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "导入 CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "新建客户" })).toBeVisible();
  await expect(page.getByLabel("按姓名或电话搜索客户")).toBeVisible();

  await expect(page.getByRole("columnheader", { name: "分数" })).toBeVisible();
  await page.getByRole("button", { name: "列", exact: true }).click();
  await page.getByRole("menuitemcheckbox", { name: "分数" }).click();
  await page.getByRole("menuitemcheckbox", { name: "邮箱" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "分数" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "邮箱" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "分数" })).toHaveCount(0);

  await page.locator("main h1").click();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "命令面板" });
  await palette.getByRole("combobox").fill("审计");
  await palette.getByRole("option", { name: "审计日志" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "创建" }).first()).toContainText("客户");

  await page.goto("/settings/users");
  await expect(page.getByRole("button", { name: "新建用户" })).toBeVisible();
  await expect(page.getByRole("button", { name: "编辑" }).first()).toBeVisible();
  await context.close();
});
