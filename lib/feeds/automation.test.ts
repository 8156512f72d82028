import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fireCustomEvent } from "@/lib/custom-events/trigger";
import { recordEvents } from "@/lib/customer-events/service";
import type { ChangeAuthor } from "@/lib/customers/author";
import { db } from "@/lib/db/client";
import { DAY, HOUR } from "@/lib/jobs/clock";
import { automationWorld, type AutomationWorld } from "@/lib/scenarios/test-world";
import { API, batch } from "@/lib/test/customer-events";
import { addFeedItemSchema, timelineQuerySchema } from "./schemas";
import { addFeedItem } from "./service";
import { listCustomerTimeline, type TimelineItem } from "./timeline";

/** A webhook receiver: /ok answers 200, /down 500. */
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(req.url === "/ok" ? 200 : 500).end(req.url === "/ok" ? "ok" : "down"));
});
let hook = "";
beforeAll(async () => {
  process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const author: ChangeAuthor = { actor: { type: "system", id: null, name: null }, loginNo: "8001", name: "王小明" };

const list = (w: AutomationWorld, q: Record<string, unknown> = {}) => listCustomerTimeline(w.tenant.id, w.alice.id, timelineQuerySchema.parse(q));

/** One line per item: what a reader tells apart. */
const label = (i: TimelineItem): string => {
  switch (i.kind) {
    case "event":
      return `event:${i.attributes[0]?.value ?? i.at}`;
    case "followUp":
      return `followUp:${i.content}`;
    case "alternation":
      return `change:${i.field}`;
    case "automation":
      if (i.entry === "step") return `${i.scenarioName}:${i.action.type}:${i.outcome}`;
      return `${i.scenarioName}:${i.entry}${i.entry === "finished" ? `:${i.status}` : ""}`;
    default:
      return i.kind;
  }
};

// Instants in UTC; the tenant lives in Asia/Shanghai (UTC+8)
const T1 = new Date("2026-03-02T01:00:00Z"); // 09:00 there
const T2 = new Date("2026-03-03T01:00:00Z");
const T3 = new Date("2026-03-04T01:00:00Z");
const T4 = new Date(T3.getTime() + HOUR);

/**
 * Alice's March: three customer events (one at the very instant scenario A runs), a follow-up at that
 * instant too, and three runs:
 * A (T1): wait 0 → add to group → set stage → webhook 200, all within one instant, completed;
 * B (T2): waits 30 days, still waiting;
 * C (T3): a webhook answering 500, retried once an hour later (T4), then failed.
 */
async function march(w: AutomationWorld) {
  const scenario = (name: string, steps: unknown[]) => w.scenario(steps, { name });
  await scenario("A", [
    { type: "wait", minutes: 0 },
    { type: "addToGroup", groupId: w.group.id },
    { type: "setStage", stageId: w.stages.visit.id },
    { type: "webhook", url: `${hook}/ok` },
  ]);
  const fire = async (at: Date) => {
    w.clock.set(at);
    await fireCustomEvent(w.tenant.id, { customEventId: w.ce.id, customerId: w.alice.id, dataFields: [] }, at);
    await w.worker().drain();
  };
  await fire(T1);
  await db.scenario.updateMany({ where: { tenantId: w.tenant.id }, data: { status: "paused" } });
  await scenario("B", [{ type: "wait", days: 30 }, { type: "exit" }]);
  await fire(T2);
  await db.scenario.updateMany({ where: { tenantId: w.tenant.id }, data: { status: "paused" } });
  await scenario("C", [{ type: "webhook", url: `${hook}/down`, maxAttempts: 2 }]);
  await fire(T3);
  w.clock.set(T4);
  await w.worker().drain();

  const plain = (happenTime: string, tag: string) => ({
    customerId: w.alice.id,
    event: "page_view",
    happenTime,
    attrValueList: [{ attrKey: "url", attrValue: tag }],
  });
  await recordEvents(
    w.tenant.id,
    batch([plain("2026-03-01 12:00:00", "/first"), plain("2026-03-02 09:00:00", "/with-A"), plain("2026-03-02 12:00:00", "/after-A"), plain("2026-03-05 09:00:00", "/last")]),
    API,
  );
  // page views move the stage: their change records are written now; this test looks at March
  await db.alternation.deleteMany({ where: { customerId: w.alice.id, createdAt: { gt: T4 } } });
  const note = await addFeedItem(w.tenant.id, author, w.alice.id, addFeedItemSchema.parse({ kind: "followUp", content: "回访" }));
  await db.followUp.update({ where: { id: note.id }, data: { createdAt: T1 } });
}

const NEWEST_FIRST = [
  "event:/last",
  "C:finished:failed",
  "C:webhook:failed",
  "C:entered",
  "B:wait:waiting",
  "B:entered",
  "event:/after-A",
  // one instant, T1: the run's end, its steps (last first), its start, the event, the follow-up, the stage's change record
  "A:finished:completed",
  "A:webhook:done",
  "A:setStage:done",
  "A:addToGroup:done",
  "A:wait:done",
  "A:entered",
  "event:/with-A",
  "followUp:回访",
  "change:stage",
  "event:/first",
];

describe("scenario runs on the customer's timeline", () => {
  it("interleaves the runs' entries with events and history by time, and pages across them without gaps or repeats", async () => {
    const w = await automationWorld();
    await march(w);
    expect((await list(w, { limit: 100 })).items.map(label)).toEqual(NEWEST_FIRST);

    for (const limit of [1, 2, 3, 5]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 40; i++) {
        const page = await list(w, { limit, cursor });
        seen.push(...page.items.map(label));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen, `pages of ${limit}`).toEqual(NEWEST_FIRST);
    }
  });

  it("says what each step did, what triggered the run and why it failed", async () => {
    const w = await automationWorld();
    await march(w);
    const { items } = await list(w, { kind: "automation", limit: 100 });
    expect(items.map(label)).toEqual(NEWEST_FIRST.filter((l) => /^[ABC]:/.test(l)));
    const find = (l: string) => items.find((i) => label(i) === l)!;

    expect(find("A:entered")).toMatchObject({ at: T1.toISOString(), trigger: { kind: "customEvent", customEventId: w.ce.id, name: "Order placed" }, author: null });
    expect(find("A:addToGroup:done")).toMatchObject({ action: { type: "addToGroup", groupId: w.group.id, groupName: w.group.name, changed: true }, attempts: 1 });
    expect(find("A:setStage:done")).toMatchObject({ action: { type: "setStage", stageId: w.stages.visit.id, stageName: w.stages.visit.name, changed: true } });
    expect(find("A:webhook:done")).toMatchObject({ action: { type: "webhook", url: `${hook}/ok`, status: 200 }, attempts: 1, failure: null });
    expect(find("A:finished:completed")).toMatchObject({ failure: null });
    const a = find("A:entered");
    for (const l of NEWEST_FIRST.filter((x) => x.startsWith("A:"))) expect(find(l)).toMatchObject({ runId: a.kind === "automation" ? a.runId : -1, scenarioName: "A", version: 1 });

    expect(find("B:wait:waiting")).toMatchObject({ at: T2.toISOString(), action: { type: "wait", until: new Date(T2.getTime() + 30 * DAY).toISOString() } });

    expect(find("C:webhook:failed")).toMatchObject({
      at: T4.toISOString(),
      startedAt: T3.toISOString(),
      attempts: 2,
      action: { type: "webhook", status: 500 },
      failure: { reason: "webhook_failed", error: "webhook_failed: 500 down" },
    });
    expect(find("C:finished:failed")).toMatchObject({ at: T4.toISOString(), failure: { reason: "webhook_failed" } });
  });

  it("hides the runs on request, and keeps them out of an event-type filter; the day range applies to them too", async () => {
    const w = await automationWorld();
    await march(w);
    const withoutRuns = NEWEST_FIRST.filter((l) => !/^[ABC]:/.test(l));
    expect((await list(w, { automation: "hide", limit: 100 })).items.map(label)).toEqual(withoutRuns);
    expect((await list(w, { eventTypeId: w.types.pageView.id, limit: 100 })).items.map(label)).toEqual(withoutRuns.filter((l) => l.startsWith("event:")));
    expect((await list(w, { kind: "automation", from: "2026-03-03", to: "2026-03-03" })).items.map(label)).toEqual(["B:wait:waiting", "B:entered"]);
    // another customer sees none of Alice's runs
    expect((await listCustomerTimeline(w.tenant.id, w.bob.id, timelineQuerySchema.parse({ kind: "automation" }))).items).toEqual([]);
  });
});
