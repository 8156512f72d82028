import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import enGroups from "../../messages/en/groups.json";
import enScenarios from "../../messages/en/scenarios.json";
import enSegments from "../../messages/en/segments.json";
import enTimeline from "../../messages/en/timeline.json";
import zhScenarios from "../../messages/zh-CN/scenarios.json";
import { cli, expect, signIn, test, type ApiKey, type TenantFixture } from "../fixtures";

const unique = () => randomBytes(3).toString("hex");

/** A webhook sink on 127.0.0.1 that answers 200 and keeps what it received. */
async function webhookSink(): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[]; close: () => Promise<void> }> {
  const received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(data || "{}") });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** The lists dialect (seed 001): a group by id, and how many members it has. */
async function listsApi(request: APIRequestContext, key: ApiKey) {
  const res = await request.get(`/openapi/v1/oauth2/token?grant_type=client_credentials&appid=${encodeURIComponent(key.appKey)}&secret=${encodeURIComponent(key.secret)}`);
  expect(res.status()).toBe(200);
  const token: string = (await res.json()).access_token;
  return {
    createGroup: async (name: string): Promise<number> => {
      const r = await request.post(`/openapi/v1/lists?access_token=${token}`, { data: { name } });
      expect(r.status(), await r.text()).toBe(201);
      return (await r.json()).id;
    },
    memberCount: async (listId: number): Promise<number> =>
      (await (await request.get(`/openapi/v1/listservice/memberCount?access_token=${token}&listId=${listId}`)).json()).count,
  };
}

test("a segment built in the builder, a scenario fired for it from the trigger panel: wait 0 → add to group → webhook, seen on the group and the customer page", async ({
  signedInPage: page,
  tenant,
  request,
}) => {
  // several pages, a worker's poll and a webhook: more than the default minute on a shared machine
  test.slow();
  const sink = await webhookSink();
  try {
    const lists = await listsApi(request, tenant.key);
    const groupName = `欢迎组 ${unique()}`;
    const groupId = await lists.createGroup(groupName);
    const created = await page.request.post("/api/customers", { data: { name: `李雷-${unique()}` } });
    expect(created.ok()).toBeTruthy();
    const customer = (await created.json()) as { id: number; name: string };

    // a segment built in the builder: the customers of a stage only this customer is in
    const stage = (await (await page.request.post("/api/stages", { data: { name: `新客-${unique()}` } })).json()) as { id: number; name: string };
    expect((await page.request.patch(`/api/customers/${customer.id}`, { data: { stageId: stage.id } })).ok()).toBeTruthy();
    const segmentName = `New customers ${unique()}`;
    await page.goto("/segments/new");
    await page.getByRole("button", { name: enSegments.builder.addCondition, exact: true }).click();
    await page.getByTestId("rule-row").nth(0).getByLabel(enSegments.builder.value).selectOption({ label: stage.name });
    await expect(page.getByTestId("segment-count")).toHaveText("1");
    await expect(page.getByTestId("segment-members")).toContainText(customer.name);
    await page.getByLabel(enSegments.editor.name, { exact: true }).fill(segmentName);
    await page.getByRole("button", { name: enSegments.editor.create }).click();
    await page.waitForURL(/\/segments\/\d+$/);

    // the custom event, with one typed data field
    const eventName = `Order placed ${unique()}`;
    await page.goto("/scenarios");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(enScenarios.title);
    await page.getByRole("link", { name: enScenarios.customEvents.title }).click();
    await page.getByRole("button", { name: enScenarios.customEvents.new }).click();
    const dialog = page.getByRole("dialog", { name: enScenarios.customEvents.new });
    await dialog.getByLabel("Name", { exact: true }).fill(eventName);
    await dialog.getByRole("button", { name: enScenarios.customEvents.addField }).click();
    await dialog.getByLabel(enScenarios.customEvents.fieldName).fill("Amount");
    await dialog.getByLabel(enScenarios.customEvents.fieldType).selectOption("Money");
    await dialog.getByRole("button", { name: enScenarios.customEvents.create }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row").filter({ hasText: eventName });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Amount");

    // the flow: trigger = the custom event, wait 0 minutes, add to the group, webhook
    await page.goto("/scenarios/new");
    const scenarioName = `Welcome ${unique()}`;
    await page.getByLabel("Name", { exact: true }).fill(scenarioName);
    const picker = page.getByLabel(enScenarios.editor.customEvent);
    await picker.selectOption({ label: (await picker.locator("option", { hasText: eventName }).textContent())! });
    const addStep = async (type: keyof typeof enScenarios.steps.types) => {
      await page.getByRole("button", { name: enScenarios.editor.addStep }).last().click();
      await page.getByRole("menuitem", { name: enScenarios.steps.types[type], exact: true }).click();
    };
    await addStep("wait");
    const wait = page.locator('[data-step-type="wait"]');
    await wait.getByLabel(enScenarios.steps.unit).selectOption("minutes");
    await wait.getByLabel(enScenarios.steps.amount).fill("0");
    await addStep("addToGroup");
    const groupStep = page.locator('[data-step-type="addToGroup"]');
    await expect(groupStep.getByRole("combobox", { name: enScenarios.steps.group })).toHaveText(enScenarios.steps.pickGroup);
    await addStep("webhook");
    await page.locator('[data-step-type="webhook"]').getByLabel(enScenarios.steps.url).fill(sink.url);

    // first a group that does not exist, pasted in the JSON view: the step says so at once, and activation is refused there
    await page.getByRole("tab", { name: enScenarios.editor.json }).click();
    const json = page.getByRole("textbox", { name: enScenarios.editor.json });
    const doc = JSON.parse(await json.inputValue()) as { steps: { type: string; groupId?: number }[] };
    doc.steps.find((s) => s.type === "addToGroup")!.groupId = 999999999;
    await json.fill(JSON.stringify(doc, null, 2));
    await page.getByRole("button", { name: enScenarios.editor.applyJson }).click();
    await expect(groupStep.getByTestId("group-missing")).toHaveText(enScenarios.steps.groupMissing.replace("{id}", "999999999"));
    await expect(groupStep.getByRole("combobox", { name: enScenarios.steps.group })).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: enScenarios.editor.activate }).click();
    await expect(groupStep.getByTestId("step-problems")).toContainText("999999999");
    await expect(page).toHaveURL(/\/scenarios\/new$/);

    // then the real one, chosen by name
    await groupStep.getByRole("combobox", { name: enScenarios.steps.group }).click();
    await page.getByPlaceholder(enGroups.customer.searchGroups).fill(groupName.split(" ")[1]);
    await page.getByRole("option", { name: groupName }).click();
    await expect(groupStep.getByRole("combobox", { name: enScenarios.steps.group })).toHaveText(groupName);
    await expect(groupStep.getByTestId("group-missing")).toBeHidden();
    await page.getByRole("button", { name: enScenarios.editor.activate }).click();
    await expect(page).toHaveURL(/\/scenarios\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(scenarioName);
    await expect(page.getByTestId("flow-editor").locator('[data-status="active"]')).toBeVisible();

    // fire it for the segment; the panel says what it will do first (for one customer, then for the segment)
    await page.getByRole("tab", { name: enScenarios.tabs.trigger }).click();
    const panel = page.getByTestId("trigger-panel");
    await panel.getByLabel(enScenarios.trigger.identifierValue).fill(String(customer.id));
    await expect(panel.getByTestId("trigger-preview")).toContainText("1 customer(s) × 1 active scenario");
    await panel.getByRole("tab", { name: enScenarios.trigger.segments }).click();
    await panel.getByRole("checkbox", { name: new RegExp(segmentName) }).check();
    await expect(panel.getByTestId("trigger-preview")).toContainText("1 customer(s) × 1 active scenario");
    await panel.getByLabel(/Amount/).fill("12.50");
    await panel.getByRole("button", { name: enScenarios.trigger.fire }).click();
    await expect(page.getByText("Queued for 1 segment; runs start in the background.")).toBeVisible();

    // the worker runs it: the customer lands in the group, the webhook is called once with its key
    await expect.poll(() => lists.memberCount(groupId), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => sink.received.length, { timeout: 30_000 }).toBe(1);
    const hook = sink.received[0];
    expect(hook.headers["idempotency-key"]).toMatch(/^\d+:webhook-1$/);
    expect(hook.body).toMatchObject({ customer: { id: customer.id }, trigger: { kind: "customEvent", dataFields: [{ name: "Amount", type: "Money", value: "12.50" }] } });

    // the run history on the scenario
    await page.getByRole("tab", { name: enScenarios.tabs.runs }).click();
    await expect(page.getByTestId("run").first()).toHaveAttribute("data-status", "completed", { timeout: 30_000 });

    // the run on the customer's timeline: entered (with its trigger), each step with what it did, finished; newest first
    await page.goto(`/customers/${customer.id}`);
    const timeline = page.getByTestId("timeline");
    const runEntries = timeline.locator('[data-kind="automation"]');
    await expect(runEntries).toHaveCount(5, { timeout: 30_000 });
    expect(await runEntries.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.entry, (e as HTMLElement).dataset.stepType ?? "", (e as HTMLElement).dataset.outcome ?? ""].join(":")))).toEqual([
      "finished::completed",
      "step:webhook:done",
      "step:addToGroup:done",
      "step:wait:done",
      "entered::",
    ]);
    const entry = (selector: string) => timeline.locator(`[data-kind="automation"]${selector}`);
    const words = enTimeline.automation;
    await expect(entry('[data-entry="entered"]').getByTestId("entry-title")).toHaveText(words.entered.replace("<link>{scenario}</link>", scenarioName));
    await expect(entry('[data-entry="entered"]')).toContainText(words.customEvent.replace("{name}", eventName));
    await expect(entry('[data-step-type="addToGroup"]').getByTestId("entry-title")).toHaveText(words.steps.addedToGroup.replace("{group}", groupName));
    await expect(entry('[data-step-type="webhook"]').getByTestId("entry-title")).toHaveText(words.steps.webhookDelivered.replace("{status}", "200"));
    await expect(entry('[data-entry="finished"]').getByTestId("entry-title")).toHaveText(words.completed.replace("<link>{scenario}</link>", scenarioName));
    // nothing under way: the Automation card has nothing to act on
    await expect(page.getByTestId("customer-runs")).toContainText(enScenarios.customer.none);

    // the automation filter hides them and keeps the choice in the URL
    await page.getByRole("switch", { name: enTimeline.filters.automation }).click();
    await expect(page).toHaveURL(/automation=hide/);
    await expect(runEntries).toHaveCount(0);
    await page.getByRole("switch", { name: enTimeline.filters.automation }).click();
    await expect(runEntries).toHaveCount(5);

    // each entry leads to the run in the scenario's history
    await entry('[data-entry="finished"]').getByTestId("run-link").click();
    await expect(page).toHaveURL(/\/scenarios\/\d+\?tab=runs&run=\d+$/);
    const focused = page.locator('[data-testid="run"][data-focused="true"]');
    await expect(focused).toHaveAttribute("data-status", "completed");
    await expect(focused.getByTestId("run-step")).toHaveCount(3);

    // the list counts it
    await page.goto("/scenarios");
    const listed = page.getByRole("row").filter({ hasText: scenarioName });
    await expect(listed.locator('[data-count="entered"]')).toHaveText("1");
    await expect(listed.locator('[data-count="completed"]')).toHaveText("1");
  } finally {
    await sink.close();
  }
});

async function signedIn(browser: Browser, tenant: TenantFixture, locale: "zh-CN" | "en-US"): Promise<Page> {
  const user = { email: `scen-${unique()}@${tenant.slug}.test`, password: "password-789" };
  cli("user:create", "--tenant", tenant.slug, "--email", user.email, "--password", user.password, "--role", "marketer", "--login-no", String(7000 + Math.floor(Math.random() * 2000)));
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

for (const [locale, m] of [
  ["zh-CN", zhScenarios],
  ["en-US", enScenarios],
] as const) {
  test(`the scenarios pages speak ${locale}`, async ({ browser, tenant }) => {
    const page = await signedIn(browser, tenant, locale);
    for (const [path, heading] of [
      ["/scenarios", m.title],
      ["/scenarios/new", m.new],
      ["/scenarios/custom-events", m.customEvents.title],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      const lines = (await page.locator("main#main").innerText()).split("\n").map((l) => l.trim());
      expect(lines.filter((l) => /^[a-z]+\.[a-zA-Z.]+$/.test(l)), `raw keys on ${path}`).toEqual([]);
    }
    await page.goto("/scenarios/new");
    await expect(page.getByRole("button", { name: m.editor.activate })).toBeVisible();
    await expect(page.getByRole("tab", { name: m.editor.json })).toBeVisible();
    await page.context().close();
  });
}
