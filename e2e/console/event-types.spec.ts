import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { eventsToken, expect, test } from "../fixtures";

const unique = () => randomBytes(3).toString("hex");

/** The eventKeys the public events API lists for the tenant. */
async function publicEventTypes(
  request: APIRequestContext,
  token: string,
): Promise<{ eventKey: string; name: string; attrList: { attrKey: string; attrName: string }[] }[]> {
  const res = await request.get("/openapi/event-type/queryList", { headers: { token } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.code).toBe(0);
  return body.data;
}

test("create, edit, archive and restore an event type; an archived one leaves the list and the events API", async ({
  signedInPage: page,
  tenant,
  request,
}) => {
  // one user journey through four pages and three API checks: more than the default minute on a busy machine
  test.slow();
  const token = await eventsToken(request, tenant.key);
  const eventKey = `order_paid_${unique()}`;
  await page.goto("/event-types");
  await page.getByRole("link", { name: "New event type" }).click();
  await expect(page).toHaveURL(/\/event-types\/new$/);

  await page.getByLabel("Event key").fill(eventKey);
  await page.getByLabel("Name", { exact: true }).fill("订单支付 E2E");
  await page.getByLabel("Stage").selectOption({ label: "成交客户" });
  await page.getByLabel("Category").selectOption({ label: "交易行为 (trade)" });
  await page.getByLabel("Rating").fill("20");
  await page.getByRole("switch", { name: "Interactive" }).click();

  const attrs = [
    { key: "amount", name: "金额", type: "value" },
    { key: "paid_at", name: "支付时间", type: "DateTime" },
    { key: "channel", name: "渠道", type: "text" },
  ];
  for (const [i, a] of attrs.entries()) {
    await page.getByRole("button", { name: "Add attribute" }).click();
    await page.getByLabel(`Key of attribute ${i + 1}`).fill(a.key);
    await page.getByLabel(`Name of attribute ${i + 1}`).fill(a.name);
    await page.getByLabel(`Type of attribute ${i + 1}`).selectOption(a.type);
  }
  await page.getByRole("switch", { name: "Show attribute 1 in flow" }).click();
  await expect(page.getByRole("switch", { name: "Show attribute 1 in flow" })).toBeChecked();
  await page.getByRole("button", { name: "Create event type" }).click();

  await expect(page).toHaveURL(/\/event-types$/);
  const row = page.getByRole("row", { name: new RegExp(eventKey) });
  await expect(row).toContainText("订单支付 E2E");
  await expect(row).toContainText("成交客户");
  await expect(row).toContainText("交易行为");
  await expect(row.getByRole("cell").nth(6)).toHaveText("3");

  // search: debounced into ?q=, and it narrows the rows
  await page.getByLabel("Search event types").fill(eventKey);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${eventKey}`));
  await expect(row).toBeVisible();
  await page.getByLabel("Search event types").fill(`no-such-${unique()}`);
  await expect(page.getByText("No event type matches")).toBeVisible();
  await page.getByLabel("Search event types").fill("");
  await expect(page).not.toHaveURL(/[?&]q=/);

  // edit: the key is fixed; change the name, an attribute's name, and move the last attribute first
  await page.getByRole("link", { name: "Edit 订单支付 E2E" }).click();
  await expect(page.getByLabel("Event key")).toHaveValue(eventKey);
  await expect(page.getByLabel("Event key")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Rating")).toHaveValue("20");
  await page.getByLabel("Name", { exact: true }).fill("订单已支付 E2E");
  await page.getByLabel("Name of attribute 2").fill("付款时间");
  await page.getByRole("button", { name: "Move attribute 3 up" }).click();
  await expect(page.getByLabel("Key of attribute 2")).toHaveValue("channel");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/event-types$/);
  await expect(row).toContainText("订单已支付 E2E");

  const listed = (await publicEventTypes(request, token)).find((t) => t.eventKey === eventKey);
  expect(listed?.name).toBe("订单已支付 E2E");
  expect(listed?.attrList.map((a) => [a.attrKey, a.attrName])).toEqual([
    ["amount", "金额"],
    ["channel", "渠道"],
    ["paid_at", "付款时间"],
  ]);

  // archive, confirmed
  await row.getByRole("button", { name: "Archive 订单已支付 E2E" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Archive 订单已支付 E2E?");
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(eventKey) })).toHaveCount(0);
  expect((await publicEventTypes(request, token)).map((t) => t.eventKey)).not.toContain(eventKey);

  // archived rows show on demand, and come back with restore
  await page.getByRole("switch", { name: "Show archived" }).click();
  await expect(page).toHaveURL(/[?&]archived=1/);
  await expect(row).toContainText("Archived");
  await row.getByRole("button", { name: "Restore" }).click();
  await page.getByRole("switch", { name: "Show archived" }).click();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Archived");
  expect((await publicEventTypes(request, token)).map((t) => t.eventKey)).toContain(eventKey);
});

test("a duplicate attribute key is flagged as it is typed, and a taken eventKey on save", async ({ signedInPage: page, tenant, request }) => {
  // a type that already holds the key, made through the public API
  const takenKey = `taken_${unique()}`;
  const token = await eventsToken(request, tenant.key);
  const stages = (await (await request.get("/openapi/stage/queryList", { headers: { token } })).json()).data as { stageId: number }[];
  const added = await request.post("/openapi/event-type/add", {
    headers: { token },
    data: { eventKey: takenKey, name: "Taken", isInteract: "1", stageId: stages[0].stageId, attrList: [] },
  });
  expect(added.status()).toBe(200);

  await page.goto("/event-types/new");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.getByLabel("Key of attribute 1").fill("amount");
  await page.getByLabel("Key of attribute 2").fill("amount");
  const rows = page.getByTestId("attribute-row");
  // flagged on the later row only, before any save; the untouched names are not red yet
  await expect(rows.nth(1).getByRole("alert")).toHaveText(/"amount" is used twice/);
  await expect(page.getByLabel("Key of attribute 2")).toHaveAttribute("aria-invalid", "true");
  await expect(rows.nth(0).getByRole("alert")).toHaveCount(0);
  await expect(page.getByLabel("Name of attribute 2")).toHaveAttribute("aria-invalid", "false");

  // changing the first row's key clears the clash on the second
  await page.getByLabel("Key of attribute 1").fill("price");
  await expect(rows.nth(1).getByRole("alert")).toHaveCount(0);

  await page.getByLabel("Event key").fill(takenKey);
  await page.getByLabel("Name", { exact: true }).fill("Duplicate");
  await page.getByLabel("Stage").selectOption({ index: 1 });
  await page.getByLabel("Name of attribute 1").fill("价格");
  await page.getByLabel("Name of attribute 2").fill("金额");
  await page.getByRole("button", { name: "Create event type" }).click();
  await expect(page.getByText("That event key is already used.")).toBeVisible();
  await expect(page).toHaveURL(/\/event-types\/new$/);
});
