import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import {
  countSegment,
  createSegment,
  deleteSegment,
  duplicateSegment,
  explainSegment,
  getSegment,
  listSegments,
  previewRules,
  ruleMatches,
  segmentMatches,
  segmentMembers,
  segmentsOfCustomer,
  snapshotToGroup,
  updateSegment,
} from "./service";
import { countMatching } from "./query";
import { segmentWorld, type SegmentWorld } from "./test-world";
import { validateRule } from "./validate";

async function invalidPaths(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    if (isDomainError(err) && err.reason === "segment_rule_invalid") return err.details.map((d) => d.path ?? "");
    throw err;
  }
  throw new Error("expected segment_rule_invalid");
}

describe("behaviour windows at their edges, in the tenant's zone", () => {
  // New York: the window's start is local midnight, 29/30/31 days back (a DST change lies between)
  const NOW = new Date("2026-04-15T16:00:00.000Z"); // 12:00 in New York (EDT)
  let w: SegmentWorld;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    w = await segmentWorld({ timeZone: "America/New_York" });
    const at = (s: string) => [{}, { events: [{ key: "page_view" as const, at: w.local(s) }] }] as const;
    ids.d29 = (await w.customer(...at("2026-03-17 12:00:00"))).id;
    ids.d30start = (await w.customer(...at("2026-03-16 00:00:00"))).id;
    ids.d31end = (await w.customer(...at("2026-03-15 23:59:59"))).id;
    ids.future = (await w.customer(...at("2026-04-15 12:00:01"))).id;
  });
  it("in the last 30 days: from 00:00 of the day 30 days ago up to now", async () => {
    const { rule } = await validateRule(w.tenantId, { event: "page_view", withinDays: 30 });
    const page = await segmentMembersOf(w, rule, NOW);
    expect(page).toContain(ids.d29);
    expect(page).toContain(ids.d30start);
    expect(page).not.toContain(ids.d31end);
    expect(page).not.toContain(ids.future);
    const { rule: r29 } = await validateRule(w.tenantId, { event: "page_view", withinDays: 29 });
    expect(await segmentMembersOf(w, r29, NOW)).toEqual([ids.d29]);
    const { rule: r31 } = await validateRule(w.tenantId, { event: "page_view", withinDays: 31 });
    expect(await segmentMembersOf(w, r31, NOW)).toEqual([ids.d29, ids.d30start, ids.d31end]);
    // "did not in 30 days" is the complement among live customers
    const { rule: not30 } = await validateRule(w.tenantId, { not: { event: "page_view", withinDays: 30 } });
    expect(await segmentMembersOf(w, not30, NOW)).toEqual([ids.d31end, ids.future]);
  });
});

async function segmentMembersOf(w: SegmentWorld, rule: Parameters<typeof countMatching>[1], now: Date) {
  const { membersPage } = await import("./query");
  return (await membersPage(w.tenantId, rule, { limit: 1000 }, { now })).items.map((m) => m.id);
}

describe("segments", () => {
  let w: SegmentWorld;
  let alice: number, bob: number, carol: number, gone: number, other: number;

  beforeAll(async () => {
    w = await segmentWorld();
    const recent = new Date(Date.now() - 2 * 86_400_000);
    alice = (await w.customer({ name: "Alice", score: 80, typeId: w.options.vip.id }, { labels: [w.labels.hot.id], events: [{ key: "order_paid", at: recent, attrs: { amount: 300 } }] })).id;
    bob = (await w.customer({ name: "Bob", score: 20, typeId: w.options.vip.id })).id;
    carol = (await w.customer({ name: "Carol", score: 90 })).id;
    gone = (await w.customer({ name: "Gone", score: 99, typeId: w.options.vip.id, deletedAt: new Date() })).id;
    const o = await segmentWorld();
    other = (await o.customer({ name: "Other", score: 99 })).id;
  });

  it("nests all/any/not to any depth", async () => {
    const rules = {
      all: [
        { any: [{ field: "score", op: "gte", value: 50 }, { not: { not: { field: "custname", op: "eq", value: "Bob" } } }] },
        { not: { any: [{ field: "custname", op: "eq", value: "Carol" }, { all: [] }, { any: [] }] } },
      ],
    };
    // { all: [] } matches everyone, so the second clause excludes everyone
    const s = await createSegment(w.tenantId, { name: "nested", rules });
    expect(await countSegment(w.tenantId, s.id)).toBe(0);
    const s2 = await updateSegment(w.tenantId, s.id, {
      rules: { all: [rules.all[0], { not: { any: [{ field: "custname", op: "eq", value: "Carol" }, { any: [] }] } }] },
    });
    expect((await segmentMembers(w.tenantId, s2.id, { limit: 10 })).items.map((m) => m.id)).toEqual([alice, bob]);
  });

  it("never counts another tenant's customers, nor soft-deleted ones", async () => {
    const s = await createSegment(w.tenantId, { name: "high", rules: { field: "score", op: "gte", value: 50 } });
    const ids = (await segmentMembers(w.tenantId, s.id, { limit: 100 })).items.map((m) => m.id);
    expect(ids).toEqual([alice, carol]);
    expect(ids).not.toContain(gone);
    expect(ids).not.toContain(other);
    expect(await segmentMatches(w.tenantId, s.id, gone)).toBe(false);
    expect(await segmentMatches(w.tenantId, s.id, other)).toBe(false);
    const everyone = await createSegment(w.tenantId, { name: "all", rules: { all: [] } });
    expect(await countSegment(w.tenantId, everyone.id)).toBe(3);
  });

  it("pages members by customer id", async () => {
    const s = await createSegment(w.tenantId, { name: "everyone", rules: { all: [] } });
    const p1 = await segmentMembers(w.tenantId, s.id, { limit: 2 });
    expect(p1.items.map((m) => m.id)).toEqual([alice, bob]);
    expect(p1.nextAfter).toBe(bob);
    const p2 = await segmentMembers(w.tenantId, s.id, { after: p1.nextAfter!, limit: 2 });
    expect(p2.items.map((m) => m.id)).toEqual([carol]);
    expect(p2.nextAfter).toBeNull();
    expect(p1.items[0]).toMatchObject({ custname: "Alice", score: 80 });
  });

  it("explains which rules matched for one customer", async () => {
    const s = await createSegment(w.tenantId, {
      name: "explained",
      rules: { all: [{ field: "custType", op: "eq", value: "VIP客户" }, { any: [{ event: "order_paid", where: [{ attr: "amount", op: "gt", value: 500 }] }, { not: { field: "label", op: "eq", value: "热门" } }] }] },
    });
    expect(await explainSegment(w.tenantId, s.id, alice)).toEqual({
      path: "",
      matched: false,
      children: [
        { path: "all.0", matched: true },
        { path: "all.1", matched: false, children: [{ path: "all.1.any.0", matched: false }, { path: "all.1.any.1", matched: false, children: [{ path: "all.1.any.1.not", matched: true }] }] },
      ],
    });
    expect((await explainSegment(w.tenantId, s.id, bob)).matched).toBe(true);
    await expect(explainSegment(w.tenantId, s.id, gone)).rejects.toMatchObject({ reason: "customer_not_found" });
  });

  it("answers which segments a customer is in, and matches a rule inside a transaction", async () => {
    const vip = await createSegment(w.tenantId, { name: "vip", rules: { field: "custType", op: "eq", value: "VIP客户" } });
    const buyers = await createSegment(w.tenantId, { name: "buyers", rules: { event: "order_paid", withinDays: 7 } });
    const mine = (await segmentsOfCustomer(w.tenantId, alice)).map((s) => s.id);
    expect(mine).toEqual(expect.arrayContaining([vip.id, buyers.id]));
    expect((await segmentsOfCustomer(w.tenantId, bob)).map((s) => s.id)).not.toContain(buyers.id);
    const inTx = await db.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: bob }, data: { score: 95 } });
      return ruleMatches(w.tenantId, { field: "score", op: "gt", value: 90 }, bob, { tx });
    });
    expect(inTx).toBe(true);
    await db.customer.update({ where: { id: bob }, data: { score: 20 } });
  });

  it("snapshots the members into a new or an existing group, once each", async () => {
    const s = await createSegment(w.tenantId, { name: "vip2", rules: { field: "custType", op: "eq", value: "VIP客户" } });
    const made = await snapshotToGroup(w.tenantId, s.id, { newGroupName: "VIP snapshot" });
    expect(made.added).toBe(2);
    const members = await db.groupMember.findMany({ where: { groupId: made.groupId }, orderBy: { customerId: "asc" } });
    expect(members.map((m) => m.customerId)).toEqual([alice, bob]);
    expect(members[0].tenantId).toBe(w.tenantId);
    await db.groupMember.deleteMany({ where: { groupId: made.groupId, customerId: bob } });
    expect((await snapshotToGroup(w.tenantId, s.id, { groupId: made.groupId })).added).toBe(1);
    // the group rule sees what the snapshot wrote
    expect(await countMatching(w.tenantId, { group: made.groupId })).toBe(2);
    await expect(snapshotToGroup(w.tenantId, s.id, { newGroupName: "VIP snapshot" })).rejects.toMatchObject({ reason: "group_name_taken" });
  });

  it("creates, duplicates, lists with live counts and deletes", async () => {
    const s = await createSegment(w.tenantId, { name: "Big spenders", description: "≥ 50", rules: { field: "score", op: "gte", value: 50 } });
    const copy = await duplicateSegment(w.tenantId, s.id);
    expect(copy).toMatchObject({ name: "Big spenders (copy)", rules: s.rules });
    const listed = await listSegments(w.tenantId);
    expect(listed.find((x) => x.id === copy.id)?.count).toBe(2);
    expect(await deleteSegment(w.tenantId, copy.id)).toEqual({ id: copy.id });
    await expect(getSegment(w.tenantId, copy.id)).rejects.toMatchObject({ reason: "segment_not_found" });
    const o = await segmentWorld();
    await expect(getSegment(o.tenantId, s.id)).rejects.toMatchObject({ reason: "segment_not_found" });
  });

  it("previews rules being edited: count and first members", async () => {
    expect(await previewRules(w.tenantId, { field: "score", op: "gte", value: 50 })).toMatchObject({ count: 2, members: [{ id: alice }, { id: carol }] });
  });

  it("names the path of every invalid part of the rule", async () => {
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { all: [{ field: "nope", op: "eq", value: 1 }] } }))).toEqual(["all.0.field"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { all: [{ field: "score", op: "contains", value: "1" }] } }))).toEqual(["all.0.op"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { any: [{ field: "score", op: "gt", value: "ten" }] } }))).toEqual(["any.0.value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { field: "custType", op: "in", value: ["VIP客户", "无此项"] } }))).toEqual(["value.1"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { not: { field: "label", op: "eq", value: "无" } } }))).toEqual(["not.value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { field: "owner", op: "eq", value: "9999" } }))).toEqual(["value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { field: "stage", op: "eq", value: 999999 } }))).toEqual(["value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { field: "custom:999999", op: "eq", value: "a" } }))).toEqual(["field"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { field: `custom:${w.fields.select.id}`, op: "eq", value: "铜" } }))).toEqual(["value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { field: "createdAt", op: "before", value: "2026-02-30" } }))).toEqual(["value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { all: [{ group: 999999 }] } }))).toEqual(["all.0.group"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { all: [{ event: "nope" }] } }))).toEqual(["all.0.event"]);
    expect(
      await invalidPaths(
        createSegment(w.tenantId, {
          name: "x",
          rules: { all: [{ field: "score", op: "gt", value: 1 }, { field: "score", op: "gt", value: 1 }, { event: "order_paid", where: [{ attr: "nope", op: "eq", value: "1" }, { attr: "amount", op: "eq", value: "1" }] }] },
        }),
      ),
    ).toEqual(["all.2.where.0.attr", "all.2.where.1.value"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { all: [{ event: "order_paid", count: { op: "gt", value: 1 } }] } }))).toEqual(["all.0.count.op"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { any: [{ field: "score", op: "gt", value: 1, extra: 1 }] } }))).toEqual(["any.0.extra"]);
    expect(await invalidPaths(createSegment(w.tenantId, { name: "x", rules: { all: [42] } }))).toEqual(["all.0"]);
  });
});
