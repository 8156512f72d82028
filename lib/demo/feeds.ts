import type { Prisma } from "@/generated/sqlite/client";
import type { DbOrTx } from "@/lib/db/client";
import { FIELD_LABELS, summarizeChange } from "@/lib/customers/alternations";
import type { DemoContext, SeededCustomer } from "./context";
import { recentInstant } from "./random";

const FOLLOW_UPS = [
  "电话沟通，客户对空气净化器X3感兴趣，约定下周到店体验",
  "客户询问会员折扣，已发送活动链接",
  "客户表示近期预算有限，下月再联系",
  "已加客户微信，发送产品资料和报价单",
  "客户反馈上次购买的滤芯使用良好，有复购意向",
  "客户要求对比竞品参数，已整理发送",
  "回访满意度：非常满意，推荐给了同事",
  "客户咨询企业团购价格，转交大客户经理",
];
const CALL_RESULTS = ["已接通，客户有意向", "已接通，客户暂不需要", "已接通，约定回电时间", "已接通，确认收货地址", "无人接听", "占线", "空号"];
const SMS = [
  (n: string) => `【Demo商城】${n}您好，您关注的商品已降价，点击查看：demo-shop.cn/s/8kd2`,
  (n: string) => `【Demo商城】尊敬的${n}，您的订单已发货，请留意查收。`,
  (n: string) => `【Demo商城】${n}，双11会员专享券已到账，满300减50，11月11日前有效。`,
  (n: string) => `【Demo商城】${n}您好，感谢您的咨询，顾问稍后会与您联系。`,
];
const TICKETS: [string, string][] = [
  ["滤芯发货延迟", "<p>客户反映订单已付款<strong>5天</strong>仍未发货，请仓库核实。</p>"],
  ["申请开具发票", "<p>客户需要开具增值税专用发票，抬头见附件。</p>"],
  ["产品噪音问题", "<p>扫地机器人S8运行时噪音较大，客户要求上门检测。</p><ul><li>购买时间：上月</li><li>已重启无效</li></ul>"],
  ["退换货申请", "<p>收到的净水器外壳有划痕，客户申请换货。</p>"],
];

/**
 * Writes the five feeds (follow-ups, call logs, SMS logs, tickets and change records) of the
 * demo customers, each dated within the customer's life, and sets followNum / lastFollowTime
 * from the follow-ups as addFeedItem would. Returns the rows written per feed.
 */
export async function insertFeeds(tx: DbOrTx, ctx: DemoContext, customers: SeededCustomer[]) {
  const { rnd, now, tenantId } = ctx;
  const followUps: Prisma.FollowUpCreateManyInput[] = [];
  const calls: Prisma.CallLogCreateManyInput[] = [];
  const sms: Prisma.SmsLogCreateManyInput[] = [];
  const tickets: Prisma.TicketCreateManyInput[] = [];
  const changes: Prisma.AlternationCreateManyInput[] = [];

  for (const c of customers) {
    const staff = c.owner ?? rnd.pick(ctx.staff);
    const when = () => recentInstant(rnd, now, 60, c.createdAt, 0.5);
    const change = (field: keyof typeof FIELD_LABELS, oldValue: string | null, newValue: string | null, createdAt: Date) =>
      changes.push({
        tenantId,
        customerId: c.id,
        field,
        oldValue,
        newValue,
        summary: summarizeChange(FIELD_LABELS[field], oldValue, newValue),
        authorNo: staff.loginNo,
        authorName: staff.name,
        createdAt,
      });

    const nFollow = c.depth >= 1 ? rnd.int(1, 4) : c.depth === 0 ? (rnd.chance(0.4) ? rnd.int(1, 2) : 0) : rnd.chance(0.3) ? 1 : 0;
    const followTimes = Array.from({ length: nFollow }, when).sort((a, b) => a.getTime() - b.getTime());
    followTimes.forEach((createdAt, i) => {
      const last = i === followTimes.length - 1;
      followUps.push({
        tenantId,
        customerId: c.id,
        content: rnd.pick(FOLLOW_UPS),
        // the latest follow-up set the customer's current deal flag
        dealFlagId: last ? c.dealFlagId : null,
        authorNo: staff.loginNo,
        authorName: staff.name,
        createdAt,
      });
    });
    c.followUps = followTimes;

    if (rnd.chance(0.5)) {
      for (let i = rnd.int(1, 4); i > 0; i--) {
        const result = rnd.pick(CALL_RESULTS);
        const connected = result.startsWith("已接通");
        calls.push({
          tenantId,
          customerId: c.id,
          callType: rnd.chance(0.8) ? "outbound" : "inbound",
          result,
          durationSec: connected ? rnd.int(20, 900) : 0,
          phone: c.phones[0],
          createdByNo: staff.loginNo,
          createdAt: when(),
        });
      }
    }
    if (rnd.chance(0.4)) {
      for (let i = rnd.int(1, 3); i > 0; i--) {
        sms.push({
          tenantId,
          customerId: c.id,
          direction: "outbound",
          phone: c.phones[0],
          content: rnd.pick(SMS)(c.name),
          status: rnd.weighted([["delivered", 17], ["sent", 2], ["failed", 1]]),
          createdByNo: staff.loginNo,
          createdAt: when(),
        });
      }
      if (rnd.chance(0.2)) {
        sms.push({ tenantId, customerId: c.id, direction: "inbound", phone: c.phones[0], content: rnd.pick(["好的，谢谢", "收到", "退订", "请问什么时候发货？"]), status: "received", createdAt: when() });
      }
    }
    if (c.depth >= 1 && rnd.chance(0.15)) {
      const [title, content] = rnd.pick(TICKETS);
      tickets.push({
        tenantId,
        customerId: c.id,
        title,
        content,
        status: rnd.weighted([["正常工单", 3], ["处理中", 2], ["已完成", 4]]),
        urgency: rnd.weighted([["普通", 4], ["紧急", 1]]),
        handlerNo: staff.loginNo,
        createdByNo: staff.loginNo,
        createdAt: when(),
      });
    }

    // change records that lead to the profile as written: assignment, deal flag, type, labels
    if (c.owner && c.assignTime) change("owner", null, c.owner.loginNo, c.assignTime);
    if (c.dealFlagName && c.dealFlagName !== "未处理" && followTimes.length) change("dealFlag", "未处理", c.dealFlagName, followTimes.at(-1)!);
    const firstOrder = c.journey.find((s) => s.type.depth === 2);
    if (firstOrder && c.typeName && c.typeName !== "潜在客户") change("type", "潜在客户", c.typeName, firstOrder.at);
    if (c.labels.length && rnd.chance(0.5)) change("labels", null, c.labels.join(","), when());
  }

  await tx.followUp.createMany({ data: followUps });
  await tx.callLog.createMany({ data: calls });
  await tx.smsLog.createMany({ data: sms });
  await tx.ticket.createMany({ data: tickets });
  await tx.alternation.createMany({ data: changes });
  for (const c of customers) {
    if (!c.followUps.length) continue;
    await tx.customer.update({ where: { id: c.id }, data: { followNum: c.followUps.length, lastFollowTime: c.followUps.at(-1)! } });
  }
  return { followUps: followUps.length, callLogs: calls.length, smsLogs: sms.length, tickets: tickets.length, alternations: changes.length };
}
