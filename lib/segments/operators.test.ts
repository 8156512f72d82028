import { beforeAll, describe, expect, it } from "vitest";
import { countMatching, customerMatches, membersPage } from "./query";
import type { Rule } from "./schemas";
import { segmentWorld, type SegmentWorld } from "./test-world";
import { validateRule } from "./validate";

/**
 * Each operator of each field type, with one customer that matches and one that does not. Every
 * case is checked in both shapes of the compiled predicate: the tenant-wide member query and the
 * one-customer match.
 */

const NOW = new Date("2026-06-15T04:00:00.000Z"); // 12:00 in Asia/Shanghai

let w: SegmentWorld;
type Spec = Parameters<SegmentWorld["customer"]>;
interface Case {
  name: string;
  rule: (w: SegmentWorld) => Rule;
  yes: (w: SegmentWorld) => Spec;
  no: (w: SegmentWorld) => Spec;
}

const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const cases: Case[] = [
  // text
  { name: "custname eq", rule: () => ({ field: "custname", op: "eq", value: "张三" }), yes: () => [{ name: "张三" }], no: () => [{ name: "张三丰" }] },
  { name: "custname neq", rule: () => ({ field: "custname", op: "neq", value: "张三" }), yes: () => [{ name: "李四" }], no: () => [{ name: "张三" }] },
  { name: "email contains (case-sensitive)", rule: () => ({ field: "email", op: "contains", value: "Acme" }), yes: () => [{ email: "a@Acme.cn" }], no: () => [{ email: "a@acme.cn" }] },
  { name: "email startsWith", rule: () => ({ field: "email", op: "startsWith", value: "vip." }), yes: () => [{ email: "vip.a@x.cn" }], no: () => [{ email: "a.vip.@x.cn" }] },
  { name: "email in", rule: () => ({ field: "email", op: "in", value: ["a@x.cn", "b@x.cn"] }), yes: () => [{ email: "b@x.cn" }], no: () => [{ email: "c@x.cn" }] },
  { name: "email isEmpty", rule: () => ({ field: "email", op: "isEmpty" }), yes: () => [{ email: null }], no: () => [{ email: "z@x.cn" }] },
  { name: "email isNotEmpty", rule: () => ({ field: "email", op: "isNotEmpty" }), yes: () => [{ email: "y@x.cn" }], no: () => [{ email: null }] },
  { name: "email neq includes empty", rule: () => ({ field: "email", op: "neq", value: "q@x.cn" }), yes: () => [{ email: null }], no: () => [{ email: "q@x.cn" }] },
  { name: "crmId eq", rule: () => ({ field: "crmId", op: "eq", value: "CRM-1" }), yes: () => [{ crmId: "CRM-1" }], no: () => [{ crmId: "CRM-2" }] },
  { name: "phone eq (normalised)", rule: () => ({ field: "phone", op: "eq", value: "138 0013 8000" }), yes: () => [{}, { phones: ["13800138000"] }], no: () => [{}, { phones: ["13900139000"] }] },
  { name: "phone startsWith", rule: () => ({ field: "phone", op: "startsWith", value: "137" }), yes: () => [{}, { phones: ["13900000001", "13700000001"] }], no: () => [{}, { phones: ["13900000002"] }] },
  { name: "phone contains", rule: () => ({ field: "phone", op: "contains", value: "4444" }), yes: () => [{}, { phones: ["13944440000"] }], no: () => [{}, { phones: ["13900000003"] }] },
  { name: "phone isEmpty", rule: () => ({ field: "phone", op: "isEmpty" }), yes: () => [{}], no: () => [{}, { phones: ["13900000004"] }] },
  { name: "phone neq", rule: () => ({ field: "phone", op: "neq", value: "13900000005" }), yes: () => [{}, { phones: ["13900000006"] }], no: () => [{}, { phones: ["13900000005"] }] },
  // number
  { name: "score eq", rule: () => ({ field: "score", op: "eq", value: 7 }), yes: () => [{ score: 7 }], no: () => [{ score: 8 }] },
  { name: "score neq", rule: () => ({ field: "score", op: "neq", value: 7 }), yes: () => [{ score: 6 }], no: () => [{ score: 7 }] },
  { name: "score gt", rule: () => ({ field: "score", op: "gt", value: 50 }), yes: () => [{ score: 51 }], no: () => [{ score: 50 }] },
  { name: "score gte", rule: () => ({ field: "score", op: "gte", value: 50 }), yes: () => [{ score: 50 }], no: () => [{ score: 49 }] },
  { name: "score lt", rule: () => ({ field: "score", op: "lt", value: 50 }), yes: () => [{ score: 49 }], no: () => [{ score: 50 }] },
  { name: "score lte", rule: () => ({ field: "score", op: "lte", value: 50 }), yes: () => [{ score: 50 }], no: () => [{ score: 51 }] },
  { name: "score between", rule: () => ({ field: "score", op: "between", value: [10, 20] }), yes: () => [{ score: 20 }], no: () => [{ score: 21 }] },
  // dates (tenant's zone: Asia/Shanghai, UTC+8)
  { name: "createdAt before a date", rule: () => ({ field: "createdAt", op: "before", value: "2026-03-01" }), yes: (w) => [{ createdAt: w.local("2026-02-28 23:59:59") }], no: (w) => [{ createdAt: w.local("2026-03-01 00:00:00") }] },
  { name: "createdAt after a date", rule: () => ({ field: "createdAt", op: "after", value: "2026-03-01" }), yes: (w) => [{ createdAt: w.local("2026-03-02 00:00:00") }], no: (w) => [{ createdAt: w.local("2026-03-01 23:59:59") }] },
  { name: "createdAt after a time", rule: () => ({ field: "createdAt", op: "after", value: "2026-03-01 10:00:00" }), yes: (w) => [{ createdAt: w.local("2026-03-01 10:00:01") }], no: (w) => [{ createdAt: w.local("2026-03-01 10:00:00") }] },
  { name: "createdAt between days", rule: () => ({ field: "createdAt", op: "between", value: ["2026-03-01", "2026-03-02"] }), yes: (w) => [{ createdAt: w.local("2026-03-02 23:59:59") }], no: (w) => [{ createdAt: w.local("2026-03-03 00:00:00") }] },
  { name: "updatedAt inLastDays", rule: () => ({ field: "updatedAt", op: "inLastDays", value: 30 }), yes: (w) => [{ updatedAt: w.local("2026-05-16 00:00:00") }], no: (w) => [{ updatedAt: w.local("2026-05-15 23:59:59") }] },
  { name: "updatedAt notInLastDays", rule: () => ({ field: "updatedAt", op: "notInLastDays", value: 30 }), yes: (w) => [{ updatedAt: w.local("2026-05-15 23:59:59") }], no: (w) => [{ updatedAt: w.local("2026-05-16 00:00:00") }] },
  // options by name
  { name: "custType eq", rule: () => ({ field: "custType", op: "eq", value: "VIP客户" }), yes: (w) => [{ typeId: w.options.vip.id }], no: (w) => [{ typeId: w.options.plainType.id }] },
  { name: "custType neq includes empty", rule: () => ({ field: "custType", op: "neq", value: "VIP客户" }), yes: () => [{ typeId: null }], no: (w) => [{ typeId: w.options.vip.id }] },
  { name: "dealFlag in", rule: () => ({ field: "dealFlag", op: "in", value: ["已成交X"] }), yes: (w) => [{ dealFlagId: w.options.won.id }], no: (w) => [{ dealFlagId: w.options.lost.id }] },
  { name: "dealFlag notIn", rule: () => ({ field: "dealFlag", op: "notIn", value: ["已成交X"] }), yes: (w) => [{ dealFlagId: w.options.lost.id }], no: (w) => [{ dealFlagId: w.options.won.id }] },
  { name: "custFrom isEmpty", rule: () => ({ field: "custFrom", op: "isEmpty" }), yes: () => [{ sourceId: null }], no: (w) => [{ sourceId: w.options.fair.id }] },
  { name: "custFrom isNotEmpty", rule: () => ({ field: "custFrom", op: "isNotEmpty" }), yes: (w) => [{ sourceId: w.options.web.id }], no: () => [{ sourceId: null }] },
  // ids, names, logins
  { name: "stage eq", rule: (w) => ({ field: "stage", op: "eq", value: w.stages.a.id }), yes: (w) => [{ stageId: w.stages.a.id }], no: (w) => [{ stageId: w.stages.b.id }] },
  { name: "stage notIn", rule: (w) => ({ field: "stage", op: "notIn", value: [w.stages.a.id] }), yes: () => [{ stageId: null }], no: (w) => [{ stageId: w.stages.a.id }] },
  { name: "department in", rule: (w) => ({ field: "department", op: "in", value: [w.departments.care.id] }), yes: (w) => [{ departmentId: w.departments.care.id }], no: (w) => [{ departmentId: w.departments.sales.id }] },
  { name: "department isEmpty", rule: () => ({ field: "department", op: "isEmpty" }), yes: () => [{ departmentId: null }], no: (w) => [{ departmentId: w.departments.sales.id }] },
  { name: "task neq", rule: (w) => ({ field: "task", op: "neq", value: w.tasks.call.id }), yes: (w) => [{ taskId: w.tasks.visit.id }], no: (w) => [{ taskId: w.tasks.call.id }] },
  { name: "task isNotEmpty", rule: () => ({ field: "task", op: "isNotEmpty" }), yes: (w) => [{ taskId: w.tasks.visit.id }], no: () => [{ taskId: null }] },
  { name: "owner eq (login number)", rule: () => ({ field: "owner", op: "eq", value: "8001" }), yes: (w) => [{ ownerId: w.owners.a.id }], no: (w) => [{ ownerId: w.owners.b.id }] },
  { name: "owner isEmpty", rule: () => ({ field: "owner", op: "isEmpty" }), yes: () => [{ ownerId: null }], no: (w) => [{ ownerId: w.owners.b.id }] },
  { name: "label eq", rule: () => ({ field: "label", op: "eq", value: "热门" }), yes: (w) => [{}, { labels: [w.labels.cold.id, w.labels.hot.id] }], no: (w) => [{}, { labels: [w.labels.cold.id] }] },
  { name: "label notIn", rule: () => ({ field: "label", op: "notIn", value: ["热门"] }), yes: () => [{}], no: (w) => [{}, { labels: [w.labels.hot.id] }] },
  { name: "label isNotEmpty", rule: () => ({ field: "label", op: "isNotEmpty" }), yes: (w) => [{}, { labels: [w.labels.cold.id] }], no: () => [{}] },
  // custom fields by type
  { name: "custom text contains", rule: (w) => ({ field: `custom:${w.fields.text.id}`, op: "contains", value: "重要" }), yes: (w) => [{}, { fields: { [w.fields.text.id]: "很重要的人" } }], no: (w) => [{}, { fields: { [w.fields.text.id]: "普通" } }] },
  { name: "custom text isEmpty", rule: (w) => ({ field: `custom:${w.fields.text.id}`, op: "isEmpty" }), yes: () => [{}], no: (w) => [{}, { fields: { [w.fields.text.id]: "x" } }] },
  { name: "custom number gt", rule: (w) => ({ field: `custom:${w.fields.number.id}`, op: "gt", value: 99.5 }), yes: (w) => [{}, { fields: { [w.fields.number.id]: "100" } }], no: (w) => [{}, { fields: { [w.fields.number.id]: "99.5" } }] },
  { name: "custom number neq includes empty", rule: (w) => ({ field: `custom:${w.fields.number.id}`, op: "neq", value: 5 }), yes: () => [{}], no: (w) => [{}, { fields: { [w.fields.number.id]: "5" } }] },
  { name: "custom date before", rule: (w) => ({ field: `custom:${w.fields.date.id}`, op: "before", value: "1990-01-01" }), yes: (w) => [{}, { fields: { [w.fields.date.id]: "1989-12-31" } }], no: (w) => [{}, { fields: { [w.fields.date.id]: "1990-01-01" } }] },
  { name: "custom date between", rule: (w) => ({ field: `custom:${w.fields.date.id}`, op: "between", value: ["2000-01-01", "2000-12-31"] }), yes: (w) => [{}, { fields: { [w.fields.date.id]: "2000-12-31" } }], no: (w) => [{}, { fields: { [w.fields.date.id]: "2001-01-01" } }] },
  { name: "custom date inLastDays (calendar days)", rule: (w) => ({ field: `custom:${w.fields.date.id}`, op: "inLastDays", value: 7 }), yes: (w) => [{}, { fields: { [w.fields.date.id]: "2026-06-08" } }], no: (w) => [{}, { fields: { [w.fields.date.id]: "2026-06-07" } }] },
  { name: "custom select eq", rule: (w) => ({ field: `custom:${w.fields.select.id}`, op: "eq", value: "金" }), yes: (w) => [{}, { fields: { [w.fields.select.id]: "金" } }], no: (w) => [{}, { fields: { [w.fields.select.id]: "银" } }] },
  { name: "custom select notIn", rule: (w) => ({ field: `custom:${w.fields.select.id}`, op: "notIn", value: ["金"] }), yes: () => [{}], no: (w) => [{}, { fields: { [w.fields.select.id]: "金" } }] },
  // groups
  { name: "group member", rule: (w) => ({ group: w.group.id }), yes: (w) => [{}, { groups: [w.group.id] }], no: () => [{}] },
  // event attributes on text, number, Date, DateTime
  { name: "event with text attr", rule: () => ({ event: "order_paid", where: [{ attr: "product", op: "eq", value: "茶叶" }] }), yes: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { product: "茶叶" } }] }], no: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { product: "咖啡" } }] }] },
  { name: "event with number attr", rule: () => ({ event: "order_paid", where: [{ attr: "amount", op: "gte", value: 100 }] }), yes: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { amount: 100 } }] }], no: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { amount: 99.99 } }] }] },
  { name: "event with Date attr", rule: () => ({ event: "order_paid", where: [{ attr: "deliveryDay", op: "after", value: "2026-06-01" }] }), yes: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { deliveryDay: "2026-06-02" } }] }], no: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { deliveryDay: "2026-06-01" } }] }] },
  { name: "event with DateTime attr", rule: () => ({ event: "order_paid", where: [{ attr: "paidAt", op: "before", value: "2026-06-01 08:00:00" }] }), yes: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { paidAt: "2026-06-01 07:59:59" } }] }], no: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { paidAt: "2026-06-01 08:00:00" } }] }] },
  { name: "event with attr neq (event lacking it counts)", rule: () => ({ event: "order_paid", where: [{ attr: "product", op: "neq", value: "茶叶" }] }), yes: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { amount: 1 } }] }], no: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { product: "茶叶" } }] }] },
  { name: "two attr conditions on one event", rule: () => ({ event: "order_paid", where: [{ attr: "product", op: "eq", value: "茶叶" }, { attr: "amount", op: "gt", value: 10 }] }), yes: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { product: "茶叶", amount: 11 } }] }], no: () => [{}, { events: [{ key: "order_paid", at: days(3), attrs: { product: "茶叶", amount: 5 } }, { key: "order_paid", at: days(3), attrs: { product: "咖啡", amount: 50 } }] }] },
  // counts
  { name: "count gte 2", rule: () => ({ event: "page_view", count: { op: "gte", value: 2 } }), yes: () => [{}, { events: [{ key: "page_view", at: days(1) }, { key: "page_view", at: days(2) }] }], no: () => [{}, { events: [{ key: "page_view", at: days(1) }] }] },
  { name: "count lte 1 includes none", rule: () => ({ event: "page_view", count: { op: "lte", value: 1 } }), yes: () => [{}], no: () => [{}, { events: [{ key: "page_view", at: days(1) }, { key: "page_view", at: days(2) }] }] },
  { name: "count eq 2", rule: () => ({ event: "page_view", count: { op: "eq", value: 2 } }), yes: () => [{}, { events: [{ key: "page_view", at: days(1) }, { key: "page_view", at: days(2) }] }], no: () => [{}, { events: [{ key: "page_view", at: days(1) }, { key: "page_view", at: days(2) }, { key: "page_view", at: days(3) }] }] },
  { name: "count eq 0 includes none", rule: () => ({ event: "page_view", count: { op: "eq", value: 0 } }), yes: () => [{}, { events: [{ key: "order_paid", at: days(1) }] }], no: () => [{}, { events: [{ key: "page_view", at: days(400) }] }] },
  { name: "did not in 30 days", rule: () => ({ not: { event: "page_view", withinDays: 30 } }), yes: () => [{}, { events: [{ key: "page_view", at: days(40) }] }], no: () => [{}, { events: [{ key: "page_view", at: days(2) }] }] },
];

describe("each operator of each type", () => {
  const made = new Map<string, { yes: number; no: number }>();

  beforeAll(async () => {
    w = await segmentWorld();
    for (const c of cases) {
      const yes = await w.customer(...c.yes(w));
      const no = await w.customer(...c.no(w));
      made.set(c.name, { yes: yes.id, no: no.id });
    }
  }, 120_000);

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { yes, no } = made.get(c.name)!;
    const { rule } = await validateRule(w.tenantId, c.rule(w));
    const page = await membersPage(w.tenantId, rule, { limit: 1000 }, { now: NOW });
    const ids = page.items.map((m) => m.id);
    expect(ids).toContain(yes);
    expect(ids).not.toContain(no);
    expect(await customerMatches(w.tenantId, rule, yes, { now: NOW })).toBe(true);
    expect(await customerMatches(w.tenantId, rule, no, { now: NOW })).toBe(false);
    expect(await countMatching(w.tenantId, rule, { now: NOW })).toBe(ids.length);
  });
});
