import { randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Page } from "@playwright/test";
import { eventsToken, expect, test } from "../fixtures";

/** The number a dashboard card shows, read from its accessible label ("Events today: 3"). */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(new RegExp(`^${label}: \\d+$`)).getAttribute("aria-label");
  return Number(text!.split(": ")[1]);
}

test("an event recorded through the public API shows on the dashboard", async ({ signedInPage: page, tenant, request }) => {
  const u = randomBytes(3).toString("hex");
  const eventKey = `dash_${u}`;
  const token = await eventsToken(request, tenant.key);

  const stages = await (await request.get("/openapi/stage/queryList", { headers: { token } })).json();
  const add = await request.post("/openapi/event-type/add", {
    headers: { token },
    data: { eventKey, name: `仪表盘 ${u}`, isInteract: "1", stageId: stages.data[0].stageId, attrList: [] },
  });
  expect((await add.json()).code).toBe(0);
  const customer = await page.request.post("/api/customers", { data: { name: `Dash ${u}` } });
  expect(customer.status()).toBe(201);
  const customerId = (await customer.json()).id;

  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  const before = {
    customers: await figure(page, "Customers"),
    today: await figure(page, "Events today"),
    week: await figure(page, "Events this week"),
  };
  expect(before.customers).toBeGreaterThanOrEqual(1);

  // the tenant's default time zone: "now" as its wall clock, so the events fall today
  const happenTime = format(new TZDate(Date.now(), "Asia/Shanghai"), "yyyy-MM-dd HH:mm:ss");
  for (let i = 0; i < 2; i++) {
    const res = await request.post("/openapi/customer-event/create", { headers: { token }, data: { customerId, event: eventKey, happenTime } });
    expect(await res.json()).toMatchObject({ code: 0 });
  }

  await page.reload();
  await expect.poll(() => figure(page, "Events today")).toBe(before.today + 2);
  expect(await figure(page, "Events this week")).toBe(before.week + 2);
  const top = page.getByRole("list", { name: "Top event types" });
  // "<name> <eventKey> <count>"
  await expect(top.getByRole("listitem").filter({ hasText: eventKey })).toHaveText(new RegExp(`^仪表盘 ${u}\\s*${eventKey}\\s*2$`));
  await expect(page.getByRole("figure", { name: /^Events per day: \d+ in 30 days$/ })).toBeVisible();
});
