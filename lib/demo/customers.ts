import type { DbOrTx } from "@/lib/db/client";
import { emailDigests } from "@/lib/customers/identity";
import { formatTenantDay } from "@/lib/customer-events/time";
import type { OptionList } from "@/lib/options/schemas";
import type { DemoContext, DemoEventType, JourneyStep, SeededCustomer } from "./context";
import { address, COMPANIES, email, mobile, person, unique } from "./people";
import { atActiveHour, DAY_MS, recentInstant, type Random } from "./random";

/** How deep down the funnel a demo customer got: -1 none yet, 0 browsed, 1 enquired, 2 bought, 3 renewed. */
const DEPTHS: [number, number][] = [
  [-1, 12],
  [0, 40],
  [1, 26],
  [2, 16],
  [3, 6],
];

/** A customer's events, oldest first, never moving back up the funnel (each type moves the stage). */
export function planJourney(rnd: Random, types: DemoEventType[], depth: number, now: Date): JourneyStep[] {
  if (depth < 0) return [];
  const of = (d: number) => types.filter((t) => t.depth === d);
  const kinds: DemoEventType[] = [];
  const views = depth === 0 ? 1 + rnd.geometric(5, 40) : 3 + rnd.geometric(10, 80);
  for (let i = 0; i < views; i++) kinds.push(rnd.pick(of(0)));
  if (depth >= 1) for (let i = rnd.int(1, 3); i > 0; i--) kinds.push(rnd.pick(of(1)));
  if (depth >= 2) for (let i = depth === 3 ? rnd.int(2, 6) : rnd.int(1, 3); i > 0; i--) kinds.push(rnd.pick(of(2)));
  if (depth >= 3) kinds.push(rnd.pick(of(3)));
  // a journey lasts days to weeks and starts anywhere in the 60-day window, recent starts likelier
  const start = recentInstant(rnd, now, 60, undefined, 0.6).getTime();
  const days = rnd.weighted([[rnd.int(1, 7), 3], [rnd.int(7, 30), 4], [rnd.int(30, 60), 3]]);
  const end = Math.min(now.getTime(), start + days * DAY_MS);
  const times = kinds.map(() => atActiveHour(rnd, start + rnd.next() * (end - start), now, start).getTime()).sort((a, b) => a - b);
  return kinds.map((type, i) => ({ type, at: new Date(times[i]) }));
}

function option(ctx: DemoContext, list: OptionList, name: string) {
  return ctx.options[list].find((o) => o.name === name) ?? null;
}

/** Customer type and deal flag that match how far the customer got. */
function typeAndDealFlag(rnd: Random, depth: number): [string, string] {
  if (depth < 0) return [rnd.weighted([["潜在客户", 3], ["流失客户", 2]]), rnd.weighted([["未处理", 3], ["不需要", 1], ["无法接通", 1]])];
  if (depth === 0) return ["潜在客户", rnd.weighted([["未处理", 5], ["继续跟踪", 3], ["无法接通", 2], ["不需要", 1]])];
  if (depth === 1) return ["潜在客户", rnd.weighted([["继续跟踪", 6], ["未处理", 2], ["客户签约", 1]])];
  if (depth === 2) return ["签约客户", rnd.weighted([["客户签约", 6], ["继续跟踪", 2]])];
  return ["重复购买", "客户签约"];
}

const SOURCES: [string, number][] = [["天猫", 8], ["京东", 6], ["百度", 4], ["线下", 3], ["代理商", 2], ["老客户介绍", 3]];

function fieldValue(rnd: Random, ctx: DemoContext, f: DemoContext["fields"][number], depth: number): string | null {
  switch (f.name) {
    case "消费水平":
      return rnd.chance(0.8) ? (depth >= 2 ? rnd.weighted([["高", 3], ["中", 2], ["低", 1]]) : rnd.weighted([["高", 1], ["中", 3], ["低", 3]])) : null;
    case "会员等级":
      return depth >= 2 ? (depth === 3 ? rnd.pick(["金卡", "钻石"]) : rnd.pick(["普通", "银卡", "金卡"])) : rnd.chance(0.3) ? "普通" : null;
    case "生日": {
      if (!rnd.chance(0.55)) return null;
      const born = new Date(Date.UTC(rnd.int(1965, 2004), rnd.int(0, 11), rnd.int(1, 28)));
      return formatTenantDay(born, "UTC");
    }
    case "年收入(万元)":
      return rnd.chance(0.4) ? String(rnd.weighted([[rnd.int(5, 15), 5], [rnd.int(15, 40), 3], [rnd.int(40, 150), 1]])) : null;
    case "备注":
      return rnd.chance(0.25)
        ? rnd.pick(["周末方便联系", "只接受短信沟通", "对价格比较敏感", "老客户推荐，需重点跟进", "要求开具增值税专用发票", "晚上8点后勿扰"])
        : null;
    default:
      return f.type === "select" && f.options?.length && rnd.chance(0.5) ? rnd.pick(f.options) : null;
  }
}

/**
 * Writes `count` customers with phones, e-mails, identities, labels, custom field values, owner,
 * department, task and option values; their stage and score are what recording their planned
 * journey gives (the stage of the last event's type, the sum of the types' ratings).
 */
export async function insertCustomers(tx: DbOrTx, ctx: DemoContext, count: number): Promise<SeededCustomer[]> {
  const { rnd, now } = ctx;
  const phonesTaken = new Set<string>();
  const emailsTaken = new Set<string>();
  const out: SeededCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const p = person(rnd);
    const depth = rnd.weighted(DEPTHS);
    const journey = planJourney(rnd, ctx.eventTypes, depth, now);
    const first = journey[0]?.at ?? recentInstant(rnd, now, 90);
    const createdAt = new Date(Math.max(now.getTime() - 120 * DAY_MS, first.getTime() - rnd.int(0, 10 * 24 * 60) * 60_000));
    const last = journey.at(-1);
    const stageId = [...journey].reverse().find((s) => s.type.stageId != null)?.type.stageId ?? null;
    const score = journey.reduce((s, step) => s + step.type.rating, 0);
    const [typeName, dealFlagName] = typeAndDealFlag(rnd, depth);
    const type = option(ctx, "custType", typeName);
    const dealFlag = option(ctx, "dealFlag", dealFlagName);
    const source = option(ctx, "custFrom", rnd.weighted(SOURCES));
    const owner = rnd.chance(0.9) ? rnd.pick(ctx.staff) : null;
    const task = rnd.chance(0.6) ? rnd.pick(ctx.tasks) : null;
    const phones = Array.from({ length: rnd.chance(0.15) ? 2 : 1 }, () => unique(phonesTaken, () => mobile(rnd)));
    const mail = rnd.chance(0.6) ? unique(emailsTaken, () => email(rnd, p)) : null;
    const labels = rnd.sample(ctx.labels, rnd.weighted([[0, 2], [1, 4], [2, 3], [3, 1]]));
    const values = ctx.fields.map((f) => ({ fieldId: f.id, value: fieldValue(rnd, ctx, f, depth) })).filter((v) => v.value !== null);
    const b2b = rnd.chance(0.35);
    const assignTime = owner ? new Date(Math.min(now.getTime(), createdAt.getTime() + rnd.int(5, 600) * 60_000)) : null;
    const row = await tx.customer.create({
      data: {
        tenantId: ctx.tenantId,
        name: p.name,
        ...(mail ? { email: mail, ...emailDigests(mail) } : {}),
        crmId: rnd.chance(0.3) ? `CRM${String(100000 + i * 37).padStart(8, "0")}` : null,
        address: rnd.chance(0.7) ? address(rnd, p) : null,
        companyName: b2b ? rnd.pick(COMPANIES) : null,
        typeId: type?.id ?? null,
        dealFlagId: dealFlag?.id ?? null,
        sourceId: source?.id ?? null,
        taskId: task?.id ?? null,
        ownerId: owner?.id ?? null,
        departmentId: owner?.departmentId ?? null,
        stageId,
        score,
        assignTime,
        createdByNo: owner?.loginNo ?? null,
        updatedByNo: owner?.loginNo ?? null,
        createdAt,
        updatedAt: last && last.at > createdAt ? last.at : createdAt,
        phones: { create: phones.map((number) => ({ tenantId: ctx.tenantId, number, createdAt })) },
        identities: rnd.chance(0.2)
          ? { create: [{ tenantId: ctx.tenantId, type: "wechat_openid", value: `oDemo${String(i).padStart(4, "0")}${rnd.digits(10)}`, createdAt }] }
          : undefined,
        labels: { create: labels.map((l) => ({ labelId: l.id })) },
        fieldValues: { create: values.map((v) => ({ fieldId: v.fieldId, value: v.value! })) },
      },
      select: { id: true },
    });
    out.push({
      id: row.id,
      name: p.name,
      createdAt,
      place: { province: p.place.province, city: p.place.city, district: p.district },
      phones,
      owner,
      assignTime,
      depth,
      journey,
      typeName: type?.name ?? null,
      dealFlagId: dealFlag?.id ?? null,
      dealFlagName: dealFlag?.name ?? null,
      taskName: task?.name ?? null,
      labels: labels.map((l) => l.name),
      followUps: [],
    });
  }
  return out;
}
