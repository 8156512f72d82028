import { createCustomEvent } from "@/lib/custom-events/service";
import { fireCustomEvent } from "@/lib/custom-events/trigger";
import { db } from "@/lib/db/client";
import { saveScenario } from "@/lib/scenarios/service";
import { createAutomationWorker } from "@/lib/scenarios/worker";
import { createSegment } from "@/lib/segments/service";
import type { DemoContext, SeededCustomer } from "./context";
import { DAY_MS } from "./random";

/**
 * The demo's automation: static groups with members, three segments over the demo's real fields
 * and event keys, two custom events with data fields, two scenarios (one active, one draft), and a
 * dozen runs of the active one fired over the past week and run to completion by an in-process
 * worker, so the scenario list shows counts and a sparkline. Everything goes through the services
 * the console uses (rules, documents and data fields are validated as a user's would be).
 */

const EAST = new Set(["上海市", "浙江省", "江苏省", "安徽省"]);

export const DEMO_GROUPS = ["VIP 客户", "华东区", "待回访", "新品试用"] as const;
export const DEMO_SEGMENTS = ["高分客户", "近30天下单", "沉睡客户"] as const;
const INTERACTIONS = ["page_view", "form_submit", "order_paid", "membership_renewed"];

export async function insertAutomation(ctx: DemoContext, customers: SeededCustomer[]): Promise<Record<string, number>> {
  const { tenantId, rnd } = ctx;
  const scores = new Map((await db.customer.findMany({ where: { tenantId }, select: { id: true, score: true } })).map((c) => [c.id, c.score ?? 0]));

  // groups: by value, by region, a call-back list and a product trial
  const members: Record<(typeof DEMO_GROUPS)[number], number[]> = {
    "VIP 客户": customers.filter((c) => c.labels.includes("VIP") || (scores.get(c.id) ?? 0) >= 120).map((c) => c.id),
    华东区: customers.filter((c) => EAST.has(c.place.province)).map((c) => c.id),
    待回访: customers.filter((c) => c.depth >= 1 && rnd.int(0, 9) < 2).map((c) => c.id),
    新品试用: customers.filter(() => rnd.int(0, 19) === 0).map((c) => c.id),
  };
  const groups = new Map<string, number>();
  let memberships = 0;
  for (const name of DEMO_GROUPS) {
    const g = await db.group.create({ data: { tenantId, name, description: null, createdAt: new Date(ctx.now.getTime() - 40 * DAY_MS) } });
    groups.set(name, g.id);
    const ids = [...new Set(members[name])];
    await db.groupMember.createMany({ data: ids.map((customerId) => ({ tenantId, groupId: g.id, customerId, joinedAt: new Date(ctx.now.getTime() - rnd.int(1, 35) * DAY_MS) })) });
    memberships += ids.length;
  }

  // segments: high score, ordered in the last 30 days, dormant (no event of any kind in 30 days)
  await createSegment(tenantId, { name: "高分客户", description: "积分不低于 80", rules: { field: "score", op: "gte", value: 80 } });
  await createSegment(tenantId, { name: "近30天下单", description: "最近 30 天有订单支付", rules: { event: "order_paid", withinDays: 30 } });
  await createSegment(tenantId, {
    name: "沉睡客户",
    description: "最近 30 天没有任何行为",
    rules: { all: INTERACTIONS.map((event) => ({ not: { event, withinDays: 30 } })) },
  });

  // custom events with typed data fields
  const coupon = await createCustomEvent(tenantId, {
    id: 101,
    name: "领取优惠券",
    description: "顾客在小程序领取了优惠券",
    fields: [
      { name: "券码", type: "String" },
      { name: "面额", type: "Money" },
      { name: "过期日", type: "Date" },
    ],
  });
  await createCustomEvent(tenantId, {
    id: 102,
    name: "客服回访完成",
    description: "客服完成一次电话回访",
    fields: [
      { name: "满意度", type: "Number" },
      { name: "回访时间", type: "DateTime" },
    ],
  });

  const stages = await db.lifecycleStage.findMany({ where: { tenantId }, select: { id: true, name: true } });
  const intent = stages.find((s) => s.name === "意向客户") ?? stages[0];
  const welcome = await saveScenario(tenantId, {
    name: "领券后跟进",
    description: "领券的顾客进入待回访组，并标为意向客户",
    status: "active",
    trigger: { customEvent: coupon.id },
    reentry: "everyTime",
    steps: [
      { id: "wait", type: "wait", minutes: 0 },
      { id: "callback", type: "addToGroup", groupId: groups.get("待回访")! },
      { id: "stage", type: "setStage", stageId: intent.id },
    ],
  });
  await saveScenario(tenantId, {
    name: "大额订单通知",
    description: "支付满 1000 元：高分客户进 VIP 组，然后通知订单系统",
    status: "draft",
    trigger: { eventType: "order_paid", where: [{ attr: "amount", op: "gte", value: 1000 }] },
    reentry: "everyTime",
    steps: [
      {
        id: "vip",
        type: "branch",
        if: { field: "score", op: "gte", value: 80 },
        then: [{ id: "to-vip", type: "addToGroup", groupId: groups.get("VIP 客户")! }],
        else: [{ id: "to-callback", type: "addToGroup", groupId: groups.get("待回访")! }],
      },
      { id: "notify", type: "webhook", url: "https://hooks.example.com/x", timeoutMs: 5000, maxAttempts: 5 },
    ],
  });

  // a dozen coupon claims over the past week, run to completion
  const claimants = customers.filter((c) => c.depth >= 0).filter((_, i) => i % 7 === 3).slice(0, 12);
  for (const [i, c] of claimants.entries()) {
    const at = new Date(ctx.now.getTime() - (6 - (i % 7)) * DAY_MS - rnd.int(1, 600) * 60_000);
    await fireCustomEvent(
      tenantId,
      {
        customEventId: coupon.id,
        customerId: c.id,
        dataFields: [
          { name: "券码", type: "String", value: `CP${String(1000 + i)}` },
          { name: "面额", type: "Money", value: rnd.pick(["20", "50", "100"]) },
        ],
      },
      at,
    );
  }
  const jobs = await createAutomationWorker({ concurrency: 1, log: () => undefined }).drain();
  const completed = await db.scenarioRun.count({ where: { tenantId, scenarioId: welcome.id, status: "completed" } });
  return { groups: groups.size, memberships, segments: DEMO_SEGMENTS.length, customEvents: 2, scenarios: 2, runs: completed, jobs };
}
