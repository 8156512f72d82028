import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { normalizePhone } from "@/lib/customers/identity";
import { countMatching, customerMatches, membersPage } from "./query";
import type { AttrCondition, Rule } from "./schemas";
import { segmentWorld, type SegmentWorld } from "./test-world";
import { dateBounds } from "./times";
import { validateRule } from "./validate";

/**
 * Differential test: a generated tenant of a few thousand customers (seeded PRNG) and random rule
 * trees; the compiled query's members must equal this file's straightforward in-memory evaluator
 * (the test's oracle — the product never evaluates in memory). It runs on each database, so SQLite
 * and PostgreSQL agree because both agree with the oracle. Date words ("after", "inLastDays") are
 * turned into instants by times.ts, whose edges service.test.ts pins separately.
 */

const SEED = 20261130;
const CUSTOMERS = 2500;
const RULES = 250;
const NOW = new Date("2026-06-15T04:00:00.000Z");
const DAY = 86_400_000;

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const chance = (p: number) => next() < p;
  const some = <T>(xs: readonly T[], p = 0.3) => xs.filter(() => chance(p));
  return { next, int, pick, chance, some };
}

interface Ev {
  key: "order_paid" | "page_view";
  at: Date;
  attrs: { attrKey: string; type: string; value: string; numValue: number | null; timeValue: Date | null }[];
}
interface Cust {
  id: number;
  name: string;
  email: string | null;
  crmId: string | null;
  typeId: number | null;
  dealFlagId: number | null;
  sourceId: number | null;
  stageId: number | null;
  ownerId: number | null;
  departmentId: number | null;
  taskId: number | null;
  score: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  phones: string[];
  labels: number[];
  fields: Map<number, { value: string; numValue: number | null; dateValue: Date | null }>;
  inGroup: boolean;
  events: Ev[];
}

const NAMES = ["张三", "李四", "王五", "Alice", "alice", "Bob", "Bo", ""];
const EMAILS = ["a@x.cn", "b@x.cn", "vip.c@Acme.cn", "d@acme.cn"];
const PHONES = ["13800000001", "13800000002", "13900000003", "13712340000"];
const TEXTS = ["很重要", "普通", "重要客户", "x"];
const PRODUCTS = ["茶叶", "咖啡", "茶具"];
const DAYS = ["2026-05-01", "2026-06-01", "2026-06-10", "2026-06-14", "2026-06-15"];
const TIMES = ["2026-06-01 08:00:00", "2026-06-10 23:59:59", "2026-06-14 00:00:00"];

describe("compiled segments equal an in-memory oracle", () => {
  let w: SegmentWorld;
  const customers: Cust[] = [];
  const r = prng(SEED);

  beforeAll(async () => {
    w = await segmentWorld();
    const { tenantId } = w;
    const optionIds = {
      type: [w.options.vip.id, w.options.plainType.id],
      deal: [w.options.won.id, w.options.lost.id],
      source: [w.options.fair.id, w.options.web.id],
    };
    const orNull = <T>(xs: T[]) => (r.chance(0.3) ? null : r.pick(xs));
    const specs = Array.from({ length: CUSTOMERS }, (_, i) => ({
      tenantId,
      name: r.pick(NAMES),
      email: r.chance(0.4) ? null : `${i}.${r.pick(EMAILS)}`,
      crmId: r.chance(0.5) ? null : `CRM-${r.int(1, 5)}-${i}`,
      typeId: orNull(optionIds.type),
      dealFlagId: orNull(optionIds.deal),
      sourceId: orNull(optionIds.source),
      stageId: orNull([w.stages.a.id, w.stages.b.id]),
      ownerId: orNull([w.owners.a.id, w.owners.b.id]),
      departmentId: orNull([w.departments.sales.id, w.departments.care.id]),
      taskId: orNull([w.tasks.call.id, w.tasks.visit.id]),
      score: r.int(0, 100),
      createdAt: new Date(NOW.getTime() - r.int(0, 60 * 24) * 3_600_000 - r.int(0, 3599) * 1000),
      updatedAt: new Date(NOW.getTime() - r.int(0, 60 * 24) * 3_600_000),
      deletedAt: r.chance(0.05) ? new Date(NOW.getTime() - DAY) : null,
    }));
    for (let i = 0; i < specs.length; i += 500) {
      const made = await db.customer.createManyAndReturn({ data: specs.slice(i, i + 500), select: { id: true } });
      made.forEach((m, j) => customers.push({ ...specs[i + j], id: m.id, phones: [], labels: [], fields: new Map(), inGroup: false, events: [] }));
    }
    const phones: { tenantId: number; customerId: number; number: string }[] = [];
    const labels: { customerId: number; labelId: number }[] = [];
    const values: { customerId: number; fieldId: number; value: string; numValue: number | null; dateValue: Date | null }[] = [];
    const members: { tenantId: number; groupId: number; customerId: number }[] = [];
    const events: { ev: Ev; customerId: number }[] = [];
    for (const c of customers) {
      for (const p of r.some(PHONES, 0.2)) {
        c.phones.push(`${p}${c.id}`);
        phones.push({ tenantId, customerId: c.id, number: `${p}${c.id}` });
      }
      for (const l of r.some([w.labels.hot.id, w.labels.cold.id], 0.35)) {
        c.labels.push(l);
        labels.push({ customerId: c.id, labelId: l });
      }
      const put = (fieldId: number, value: string, numValue: number | null = null, dateValue: Date | null = null) => {
        c.fields.set(fieldId, { value, numValue, dateValue });
        values.push({ customerId: c.id, fieldId, value, numValue, dateValue });
      };
      if (r.chance(0.6)) put(w.fields.text.id, r.pick(TEXTS));
      if (r.chance(0.6)) {
        const n = r.int(0, 40) * 2.5;
        put(w.fields.number.id, String(n), n);
      }
      if (r.chance(0.6)) {
        const d = new Date(NOW.getTime() - r.int(0, 40) * DAY).toISOString().slice(0, 10);
        put(w.fields.date.id, d, null, new Date(`${d}T00:00:00.000Z`));
      }
      if (r.chance(0.6)) put(w.fields.select.id, r.pick(["金", "银"]));
      if (r.chance(0.3)) {
        c.inGroup = true;
        members.push({ tenantId, groupId: w.group.id, customerId: c.id });
      }
      for (let k = r.int(0, 6); k > 0; k--) {
        const key = r.chance(0.6) ? ("order_paid" as const) : ("page_view" as const);
        const at = new Date(NOW.getTime() - r.int(0, 45 * 24) * 3_600_000 + (r.chance(0.03) ? 2 * DAY : 0));
        const attrs: Ev["attrs"] = [];
        if (key === "order_paid") {
          if (r.chance(0.8)) attrs.push({ attrKey: "product", type: "text", value: r.pick(PRODUCTS), numValue: null, timeValue: null });
          if (r.chance(0.8)) {
            const n = r.int(0, 20) * 25;
            attrs.push({ attrKey: "amount", type: "value", value: String(n), numValue: n, timeValue: null });
          }
          if (r.chance(0.5)) {
            const d = r.pick(DAYS);
            attrs.push({ attrKey: "deliveryDay", type: "Date", value: d, numValue: null, timeValue: w.local(`${d} 00:00:00`) });
          }
          if (r.chance(0.5)) {
            const t = r.pick(TIMES);
            attrs.push({ attrKey: "paidAt", type: "DateTime", value: t, numValue: null, timeValue: w.local(t) });
          }
        } else if (r.chance(0.7)) attrs.push({ attrKey: "url", type: "text", value: r.pick(["/a", "/b"]), numValue: null, timeValue: null });
        const ev = { key, at, attrs };
        c.events.push(ev);
        events.push({ ev, customerId: c.id });
      }
    }
    for (let i = 0; i < phones.length; i += 1000) await db.customerPhone.createMany({ data: phones.slice(i, i + 1000) });
    for (let i = 0; i < labels.length; i += 1000) await db.customerLabel.createMany({ data: labels.slice(i, i + 1000) });
    for (let i = 0; i < values.length; i += 1000) await db.customFieldValue.createMany({ data: values.slice(i, i + 1000) });
    for (let i = 0; i < members.length; i += 1000) await db.groupMember.createMany({ data: members.slice(i, i + 1000) });
    const typeOf = { order_paid: w.types.orderPaid, page_view: w.types.pageView };
    for (let i = 0; i < events.length; i += 500) {
      const chunk = events.slice(i, i + 500);
      const made = await db.customerEvent.createManyAndReturn({
        data: chunk.map(({ ev, customerId }) => ({ tenantId, customerId, eventTypeId: typeOf[ev.key].id, eventKey: ev.key, eventName: ev.key, happenTime: ev.at })),
        select: { id: true },
      });
      const attrs = chunk.flatMap(({ ev }, j) => ev.attrs.map((a) => ({ ...a, tenantId, eventTypeId: typeOf[ev.key].id, eventId: made[j].id })));
      if (attrs.length) await db.customerEventAttribute.createMany({ data: attrs });
    }
    // another tenant whose customers look the same: never counted
    const o = await segmentWorld();
    await db.customer.createMany({ data: specs.slice(0, 200).map((s) => ({ ...s, tenantId: o.tenantId, typeId: null, dealFlagId: null, sourceId: null, stageId: null, ownerId: null, departmentId: null, taskId: null })) });
  }, 300_000);

  // ─── the oracle ──────────────────────────────────────────────────────────────────────────────

  const NEG: Record<string, string> = { neq: "eq", notIn: "in", isEmpty: "isNotEmpty" };

  function textOk(v: string | null | undefined, op: string, x: unknown): boolean {
    if (v == null) return false;
    const xs = (Array.isArray(x) ? x : [x]).map(String);
    if (op === "eq") return v === String(x);
    if (op === "in") return xs.includes(v);
    if (op === "contains") return v.includes(String(x));
    if (op === "startsWith") return v.startsWith(String(x));
    if (op === "isNotEmpty") return v !== "";
    throw new Error(op);
  }
  function numberOk(v: number | null | undefined, op: string, x: unknown): boolean {
    if (v == null) return false;
    if (op === "between") return v >= (x as number[])[0] && v <= (x as number[])[1];
    const n = x as number;
    return op === "eq" ? v === n : op === "gt" ? v > n : op === "gte" ? v >= n : op === "lt" ? v < n : op === "lte" ? v <= n : op === "isNotEmpty";
  }
  function dateOk(v: Date | null | undefined, op: string, x: unknown, dayColumn: boolean): boolean {
    if (v == null) return false;
    if (op === "isNotEmpty") return true;
    const b = dateBounds(op, x, { zone: dayColumn ? "UTC" : w.timeZone, tenantZone: w.timeZone, now: NOW, dayColumn });
    const t = v.getTime();
    const inside = (!b.gte || t >= b.gte.getTime()) && (!b.gt || t > b.gt.getTime()) && (!b.lt || t < b.lt.getTime()) && (!b.lte || t <= b.lte.getTime());
    return op === "notInLastDays" ? !inside : inside;
  }
  const optionName = (id: number | null) => (id == null ? null : Object.values(w.options).find((o) => o.id === id)!.name);
  const labelName = (id: number) => Object.values(w.labels).find((l) => l.id === id)!.name;
  const loginNo = (id: number | null) => (id == null ? null : Object.values(w.owners).find((o) => o.id === id)!.loginNo);

  function fieldOk(c: Cust, field: string, op: string, x: unknown): boolean {
    if (op in NEG) return !fieldOk(c, field, NEG[op], x);
    const choice = (v: string | number | null) => (op === "isNotEmpty" ? v != null : v != null && (Array.isArray(x) ? x : [x]).includes(v));
    switch (field) {
      case "custname":
        return textOk(c.name, op, x);
      case "email":
        return textOk(c.email, op, x);
      case "crmId":
        return textOk(c.crmId, op, x);
      case "phone":
        return c.phones.some((p) => textOk(p, op, op === "isNotEmpty" ? x : Array.isArray(x) ? x.map((y) => normalizePhone(String(y))) : normalizePhone(String(x))));
      case "score":
        return numberOk(c.score, op, x);
      case "createdAt":
        return dateOk(c.createdAt, op, x, false);
      case "updatedAt":
        return dateOk(c.updatedAt, op, x, false);
      case "custType":
        return choice(optionName(c.typeId));
      case "dealFlag":
        return choice(optionName(c.dealFlagId));
      case "custFrom":
        return choice(optionName(c.sourceId));
      case "stage":
        return choice(c.stageId);
      case "department":
        return choice(c.departmentId);
      case "task":
        return choice(c.taskId);
      case "owner":
        return choice(loginNo(c.ownerId));
      case "label":
        return c.labels.some((l) => choice(labelName(l)));
    }
    const id = Number(field.slice(7));
    const v = c.fields.get(id);
    if (!v) return false;
    if (id === w.fields.number.id) return numberOk(v.numValue, op, x);
    if (id === w.fields.date.id) return dateOk(v.dateValue, op, x, true);
    return textOk(v.value, op, x);
  }

  function attrOk(e: Ev, cond: AttrCondition): boolean {
    const neg = cond.op in NEG;
    const op = neg ? NEG[cond.op] : cond.op;
    const hit = e.attrs.some((a) => {
      if (a.attrKey !== cond.attr) return false;
      if (a.type === "value") return numberOk(a.numValue, op, cond.value);
      if (a.type === "Date" || a.type === "DateTime") return dateOk(a.timeValue, op, cond.value, false);
      return textOk(a.value, op, cond.value);
    });
    return neg ? !hit : hit;
  }

  function oracle(c: Cust, rule: Rule): boolean {
    if ("all" in rule) return rule.all.every((x) => oracle(c, x));
    if ("any" in rule) return rule.any.some((x) => oracle(c, x));
    if ("not" in rule) return !oracle(c, rule.not);
    if ("group" in rule) return c.inGroup;
    if ("event" in rule) {
      const b = rule.withinDays === undefined ? undefined : dateBounds("inLastDays", rule.withinDays, { zone: w.timeZone, tenantZone: w.timeZone, now: NOW, dayColumn: false });
      const n = c.events.filter((e) => e.key === rule.event && (!b || (e.at >= b.gte! && e.at <= b.lte!)) && (rule.where ?? []).every((cond) => attrOk(e, cond))).length;
      const { op, value } = rule.count ?? { op: "gte", value: 1 };
      return op === "gte" ? n >= value : op === "lte" ? n <= value : n === value;
    }
    return fieldOk(c, rule.field, rule.op, rule.value);
  }

  // ─── random rules ────────────────────────────────────────────────────────────────────────────

  const g = prng(SEED + 1);
  function textRule(field: string, pool: string[]): Rule {
    const op = g.pick(["eq", "neq", "contains", "startsWith", "in", "isEmpty", "isNotEmpty"]);
    if (op === "isEmpty" || op === "isNotEmpty") return { field, op };
    if (op === "in") return { field, op, value: g.some(pool, 0.5).concat(g.pick(pool)) };
    const v = g.pick(pool);
    return { field, op, value: op === "contains" || op === "startsWith" ? v.slice(0, g.int(1, Math.max(1, v.length))) || "a" : v };
  }
  function numberRule(field: string, lo: number, hi: number): Rule {
    const op = g.pick(["eq", "neq", "gt", "gte", "lt", "lte", "between"]);
    if (op === "between") {
      const a = g.int(lo, hi);
      return { field, op, value: [a, g.int(a, hi)] };
    }
    return { field, op, value: g.int(lo, hi) };
  }
  function dateRule(field: string, days: readonly string[]): Rule {
    const op = g.pick(["before", "after", "between", "inLastDays", "notInLastDays"]);
    if (op === "inLastDays" || op === "notInLastDays") return { field, op, value: g.int(0, 40) };
    if (op === "between") {
      const [a, b] = [g.pick(days), g.pick(days)].sort();
      return { field, op, value: [a, b] };
    }
    return { field, op, value: g.pick(days) };
  }
  function choiceRule(field: string, pool: (string | number)[]): Rule {
    const op = g.pick(["eq", "neq", "in", "notIn", "isEmpty", "isNotEmpty"]);
    if (op === "isEmpty" || op === "isNotEmpty") return { field, op };
    if (op === "in" || op === "notIn") return { field, op, value: [g.pick(pool), ...g.some(pool)] };
    return { field, op, value: g.pick(pool) };
  }
  const DATES = ["2026-04-20", "2026-05-10", "2026-05-16", "2026-06-01", "2026-06-14 12:00:00", "2026-06-15"];
  function attrCond(event: string): AttrCondition {
    const which = event === "page_view" ? "url" : g.pick(["product", "amount", "deliveryDay", "paidAt"]);
    const base = (
      which === "url" ? textRule("x", ["/a", "/b"]) : which === "product" ? textRule("x", PRODUCTS) : which === "amount" ? numberRule("x", 0, 500) : dateRule("x", which === "paidAt" ? TIMES : DAYS)
    ) as { op: string; value?: unknown };
    return { attr: which, op: base.op, ...(base.value !== undefined && { value: base.value }) } as AttrCondition;
  }
  function leaf(): Rule {
    switch (g.int(0, 9)) {
      case 0:
        return textRule(g.pick(["custname", "email", "crmId"]), [...NAMES.filter(Boolean), "a@x", "vip.", "CRM-1", "x.cn"]);
      case 1:
        return textRule("phone", ["138", "13800000001", "0000", "137"]);
      case 2:
        return numberRule("score", 0, 100);
      case 3:
        return dateRule(g.pick(["createdAt", "updatedAt"]), DATES);
      case 4:
        return g.pick([
          () => choiceRule("custType", ["VIP客户", "普通客户"]),
          () => choiceRule("dealFlag", ["已成交X", "未成交X"]),
          () => choiceRule("custFrom", ["展会X", "官网X"]),
          () => choiceRule("stage", [w.stages.a.id, w.stages.b.id]),
          () => choiceRule("department", [w.departments.sales.id, w.departments.care.id]),
          () => choiceRule("task", [w.tasks.call.id, w.tasks.visit.id]),
          () => choiceRule("owner", ["8001", "8002"]),
          () => choiceRule("label", ["热门", "冷淡"]),
        ])();
      case 5:
        return g.pick([
          () => textRule(`custom:${w.fields.text.id}`, TEXTS),
          () => numberRule(`custom:${w.fields.number.id}`, 0, 100),
          () => dateRule(`custom:${w.fields.date.id}`, ["2026-05-10", "2026-06-01", "2026-06-14"]),
          () => choiceRule(`custom:${w.fields.select.id}`, ["金", "银"]),
        ])();
      case 6:
        return { group: w.group.id };
      default: {
        const event = g.pick(["order_paid", "page_view"]);
        const rule: Rule = { event };
        if (g.chance(0.5)) rule.count = { op: g.pick(["gte", "lte", "eq"] as const), value: g.int(0, 4) };
        if (g.chance(0.6)) rule.withinDays = g.int(1, 40);
        if (g.chance(0.6)) rule.where = Array.from({ length: g.int(1, 2) }, () => attrCond(event));
        return rule;
      }
    }
  }
  function tree(depth: number): Rule {
    if (depth === 0 || g.chance(0.35)) return leaf();
    const kind = g.int(0, 2);
    if (kind === 2) return { not: tree(depth - 1) };
    const kids = Array.from({ length: g.int(0, 3) }, () => tree(depth - 1));
    return kind === 0 ? { all: kids } : { any: kids };
  }

  it(`${RULES} random rule trees: members equal the oracle's`, async () => {
    const live = customers.filter((c) => !c.deletedAt);
    let nonTrivial = 0;
    for (let i = 0; i < RULES; i++) {
      const input = tree(3);
      const { rule } = await validateRule(w.tenantId, input);
      const expected = live.filter((c) => oracle(c, rule)).map((c) => c.id);
      const got: number[] = [];
      let after: number | undefined;
      do {
        const page = await membersPage(w.tenantId, rule, { after, limit: 5000 }, { now: NOW });
        got.push(...page.items.map((m) => m.id));
        after = page.nextAfter ?? undefined;
      } while (after !== undefined);
      expect({ i, rule: input, members: got }).toEqual({ i, rule: input, members: expected });
      expect(await countMatching(w.tenantId, rule, { now: NOW })).toBe(expected.length);
      if (expected.length > 0 && expected.length < live.length) nonTrivial++;
      // the one-customer shape agrees too (a few customers per rule, deleted ones included)
      for (let k = 0; k < 3; k++) {
        const c = customers[g.int(0, customers.length - 1)];
        expect({ i, c: c.id, m: await customerMatches(w.tenantId, rule, c.id, { now: NOW }) }).toEqual({ i, c: c.id, m: !c.deletedAt && oracle(c, rule) });
      }
    }
    // the generator is not degenerate: most rules split the customers
    expect(nonTrivial).toBeGreaterThan(RULES / 3);
  }, 600_000);
});
