import { describe, expect, it } from "vitest";
import { recordConsoleEvent } from "@/lib/customer-events/console";
import { recordEvents } from "@/lib/customer-events/service";
import { API, batch, customer, eventWorld, parseRecordBody, type EventWorld } from "@/lib/test/customer-events";
import type { ChangeAuthor } from "@/lib/customers/author";
import { db } from "@/lib/db/client";
import { makeApiKey, makeUser } from "@/lib/test/factories";
import { addFeedItemSchema, timelineQuerySchema, type AddFeedItemInput } from "./schemas";
import { addFeedItem } from "./service";
import { listCustomerTimeline, type TimelineItem } from "./timeline";

const author: ChangeAuthor = { actor: { type: "system", id: null, name: null }, loginNo: "8001", name: "王小明" };

const list = (w: EventWorld, q: Record<string, unknown> = {}) => listCustomerTimeline(w.tenant.id, w.alice.id, timelineQuerySchema.parse(q));

const label = (i: TimelineItem) => {
  switch (i.kind) {
    case "event":
      return `event:${i.eventKey}:${i.attributes.map((a) => a.value).join()}`;
    case "ticket":
      return `ticket:${i.title}`;
    case "followUp":
      return `followUp:${i.content}`;
    case "callLog":
      return `callLog:${i.result}`;
    case "sms":
      return `sms:${i.content}`;
    case "alternation":
      return `alternation:${i.summary}`;
    case "automation":
      return `automation:${i.entry}:${i.runId}`;
  }
};

/** Alice's history in Asia/Shanghai (UTC+8): events and history items interleaved, one tie. */
async function history(w: EventWorld) {
  await recordEvents(
    w.tenant.id,
    batch([
      { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-01 09:00:00", attrValueList: [{ attrKey: "url", attrValue: "/a" }] },
      { customerId: w.alice.id, event: "order_paid", happenTime: "2026-03-02 10:00:00", attrValueList: [{ attrKey: "amount", attrValue: "5" }] },
      { customerId: w.alice.id, event: "page_view", happenTime: "2026-03-04 12:00:00", attrValueList: [{ attrKey: "url", attrValue: "/b" }] },
      { customerId: w.bob.id, event: "page_view", happenTime: "2026-03-03 09:00:00" },
    ]),
    API,
  );
  const at = async (item: Awaited<ReturnType<typeof addFeedItem>>, utc: string) => {
    const data = { createdAt: new Date(utc) };
    if (item.kind === "ticket") await db.ticket.update({ where: { id: item.id }, data });
    if (item.kind === "followUp") await db.followUp.update({ where: { id: item.id }, data });
    if (item.kind === "callLog") await db.callLog.update({ where: { id: item.id }, data });
    if (item.kind === "sms") await db.smsLog.update({ where: { id: item.id }, data });
  };
  const add = (body: AddFeedItemInput) => addFeedItem(w.tenant.id, author, w.alice.id, addFeedItemSchema.parse(body));
  await at(await add({ kind: "ticket", title: "退款", content: "<p>要退款</p>" }), "2026-03-01T00:30:00Z"); // 03-01 08:30
  await at(await add({ kind: "followUp", content: "回访" }), "2026-03-02T02:00:00Z"); // 03-02 10:00, ties with order_paid
  await at(await add({ kind: "callLog", callType: "outbound", durationSec: 30, result: "接通" }), "2026-03-03T01:00:00Z");
  await at(await add({ kind: "sms", content: "您好" }), "2026-03-05T01:00:00Z");
  await addFeedItem(w.tenant.id, author, w.bob.id, addFeedItemSchema.parse({ kind: "sms", content: "not alice's" }));
}

const NEWEST_FIRST = [
  "sms:您好",
  "event:page_view:/b",
  "callLog:接通",
  "event:order_paid:5",
  "followUp:回访",
  "event:page_view:/a",
  "ticket:退款",
];

describe("the customer's merged timeline", () => {
  it("merges events with every history kind, newest first, events first at one instant, and pages without gaps", async () => {
    const w = await eventWorld();
    await history(w);
    expect((await list(w)).items.map(label)).toEqual(NEWEST_FIRST);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await list(w, { limit: 2, cursor });
      seen.push(...page.items.map(label));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(NEWEST_FIRST);

    const ev = (await list(w, { kind: "event", limit: 1 })).items[0];
    expect(ev).toMatchObject({ kind: "event", eventKey: "page_view", eventName: "浏览页面", at: "2026-03-04T04:00:00.000Z" });
    expect(ev.kind === "event" && ev.attributes).toEqual([{ attrKey: "url", type: "text", value: "/b" }]);
  });

  it("filters by kind, by event type and by a day range in the tenant's time zone", async () => {
    const w = await eventWorld();
    await history(w);
    expect((await list(w, { kind: "event" })).items.map(label)).toEqual(["event:page_view:/b", "event:order_paid:5", "event:page_view:/a"]);
    expect((await list(w, { kind: "ticket" })).items.map(label)).toEqual(["ticket:退款"]);
    expect((await list(w, { eventTypeId: w.types.orderPaid.id })).items.map(label)).toEqual(["event:order_paid:5"]);
    expect((await list(w, { kind: "sms", eventTypeId: w.types.orderPaid.id })).items).toEqual([]);
    expect((await list(w, { from: "2026-03-02", to: "2026-03-03" })).items.map(label)).toEqual(["callLog:接通", "event:order_paid:5", "followUp:回访"]);
    expect((await list(w, { to: "2026-03-01" })).items.map(label)).toEqual(["event:page_view:/a", "ticket:退款"]);
    await expect(list(w, { from: "2026-03-04", to: "2026-03-01" })).rejects.toMatchObject({ kind: "invalid" });
    await expect(list(w, { cursor: "nonsense" })).rejects.toMatchObject({ kind: "invalid" });
  });

  it("answers not found for a deleted customer", async () => {
    const w = await eventWorld();
    await expect(listCustomerTimeline(w.tenant.id, w.gone.id, timelineQuerySchema.parse({}))).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("the timeline's authors", () => {
  it("names each item's author and a ticket's handler: users by id or login number, API keys by id or stored name, other staff by number", async () => {
    const w = await eventWorld();
    const user = await makeUser(w.tenant.id);
    await db.user.update({ where: { id: user.id }, data: { name: "王芳" } });
    const key = await makeApiKey(w.tenant.id);
    const keyName = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).name;
    // another tenant's staff with the same login number names no one here
    const other = await eventWorld();
    const stranger = await makeUser(other.tenant.id);
    await db.user.update({ where: { id: stranger.id }, data: { name: "外人", loginNo: "9001" } });

    const at = (min: number) => `2026-03-01 09:${String(min).padStart(2, "0")}:00`;
    await recordEvents(w.tenant.id, batch([{ customerId: w.alice.id, event: "page_view", happenTime: at(1) }]), { type: "apikey", id: key.id });
    await recordEvents(w.tenant.id, batch([{ customerId: w.alice.id, event: "page_view", happenTime: at(2) }]), { type: "user", id: user.id });
    await recordEvents(w.tenant.id, batch([{ customerId: w.alice.id, event: "page_view", happenTime: at(3) }]), { type: "apikey", id: 999_999 });
    await recordEvents(w.tenant.id, batch([{ customerId: w.alice.id, event: "page_view", happenTime: at(4) }]), { type: "system", id: null });
    const by = (loginNo: string | null, name: string): ChangeAuthor => ({ actor: { type: "system", id: null, name: null }, loginNo, name });
    await addFeedItem(w.tenant.id, by(user.loginNo, "旧名字"), w.alice.id, addFeedItemSchema.parse({ kind: "followUp", content: "by user" }));
    await addFeedItem(w.tenant.id, by("9001", "李雷"), w.alice.id, addFeedItemSchema.parse({ kind: "followUp", content: "by staff" }));
    await addFeedItem(w.tenant.id, by("9001", "李雷"), w.alice.id, addFeedItemSchema.parse({ kind: "ticket", title: "工单", content: "x", handlerNo: user.loginNo }));
    await db.alternation.create({
      data: { tenantId: w.tenant.id, customerId: w.alice.id, field: "email", summary: "邮箱: a---->b", authorNo: null, authorName: keyName },
    });

    const { items } = await list(w);
    const authorOf = (pred: (i: TimelineItem) => boolean) => items.find(pred)?.author;
    const ev = (minute: number) => authorOf((i) => i.kind === "event" && i.at === new Date(`2026-03-01T01:0${minute}:00Z`).toISOString());
    expect(ev(1)).toEqual({ kind: "apikey", name: keyName });
    expect(ev(2)).toEqual({ kind: "user", name: "王芳", loginNo: user.loginNo });
    expect(ev(3)).toEqual({ kind: "apikey", name: null });
    expect(ev(4)).toBeNull();
    expect(authorOf((i) => i.kind === "followUp" && i.content === "by user")).toEqual({ kind: "user", name: "王芳", loginNo: user.loginNo });
    expect(authorOf((i) => i.kind === "followUp" && i.content === "by staff")).toEqual({ kind: "staff", name: "李雷", loginNo: "9001" });
    expect(authorOf((i) => i.kind === "alternation")).toEqual({ kind: "apikey", name: keyName });
    const ticket = items.find((i) => i.kind === "ticket");
    expect(ticket).toMatchObject({ author: { kind: "staff", loginNo: "9001" }, handler: { kind: "user", name: "王芳", loginNo: user.loginNo } });
  });
});

describe("recording an event by hand", () => {
  it("records for the page's customer at now by default, moving the stage and adding the rating", async () => {
    const w = await eventWorld();
    const before = Date.now();
    await recordConsoleEvent(
      w.tenant.id,
      w.alice.id,
      { event: "order_paid", attrValueList: [{ attrKey: "amount", attrValue: "12.5" }], customerId: w.bob.id },
      { type: "user", id: 1 },
      parseRecordBody,
    );
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.paid.id, score: 10 });
    expect(await customer(w.bob.id)).toMatchObject({ score: 0 });
    const [ev] = (await list(w, { kind: "event" })).items;
    expect(ev).toMatchObject({ kind: "event", eventKey: "order_paid", recordedBy: "user:1" });
    expect(Math.abs(new Date(ev.at).getTime() - before)).toBeLessThan(60_000);
  });

  it("rejects what the API rejects: an unknown type, a value that is not a number", async () => {
    const w = await eventWorld();
    const rec = (body: Record<string, unknown>) => recordConsoleEvent(w.tenant.id, w.alice.id, body, { type: "user", id: 1 }, parseRecordBody);
    await expect(rec({ event: "nope" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(rec({ event: "order_paid", attrValueList: [{ attrKey: "amount", attrValue: "abc" }] })).rejects.toMatchObject({ kind: "invalid" });
    await expect(rec({ event: "order_paid", happenTime: "yesterday" })).rejects.toThrow(/happenTime/);
    expect(await customer(w.alice.id)).toMatchObject({ score: 0 });
  });
});
