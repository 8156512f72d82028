import { z } from "zod";
import type { FeedRecord } from "@/lib/feeds/repository";
import { SECONDS, formatWireTime } from "./time";

/** Seed 002's feed items, one shape per `feed_type`; times `yyyy-MM-dd HH:mm:ss` in the tenant's zone. */

const CALL_TYPES: Record<string, string> = { inbound: "呼入", outbound: "呼出" };
const SMS_DIRECTIONS: Record<string, string> = { inbound: "接收", outbound: "发送" };
const SMS_STATUSES: Record<string, string> = { sent: "已发送", delivered: "已送达", failed: "发送失败", received: "已接收" };

export const wireFeedSchema = z
  .union([
    z.object({
      feed_type: z.literal("Ticket"),
      id: z.number().int(),
      title: z.string(),
      content: z.string().describe("sanitised HTML"),
      custId: z.number().int(),
      upLoginNo: z.string().nullable().describe("当前处理人工号"),
      status_zh_name: z.string(),
      urgency: z.string(),
      opTime: z.string(),
    }),
    z.object({
      feed_type: z.literal("CustomerFollowUp"),
      id: z.number().int(),
      loginNo: z.string().nullable().describe("记录者 工号_名称"),
      FollowUpContent: z.string(),
      dealFlag: z.string().nullable().describe("跟进阶段"),
      created_at: z.string(),
    }),
    z.object({
      feed_type: z.literal("CallLog"),
      id: z.number().int(),
      callType: z.string().describe("呼入 | 呼出"),
      followUpContent: z.string().nullable().describe("通话结果"),
      callDuration: z.number().int().describe("seconds"),
      createdTime: z.string(),
    }),
    z.object({
      feed_type: z.literal("TextMsgLog"),
      id: z.number().int(),
      content: z.string(),
      phone: z.string().nullable(),
      direction: z.string().describe("发送 | 接收"),
      status: z.string().describe("已发送 | 已送达 | 发送失败 | 已接收"),
      createdTime: z.string(),
    }),
    z.object({
      feed_type: z.literal("Alternation"),
      time: z.string(),
      author: z.object({ loginNo: z.string().nullable(), loginName: z.string() }),
      summary: z.string().describe('e.g. "公司名称: <空>---->测试公司名"'),
    }),
  ])
  .meta({ id: "CustomersFeed" });
export type WireFeed = z.infer<typeof wireFeedSchema>;

export function toWireFeed(r: FeedRecord, timeZone: string): WireFeed {
  const t = (d: Date) => formatWireTime(d, timeZone, SECONDS)!;
  switch (r.kind) {
    case "ticket":
      return {
        feed_type: "Ticket",
        id: r.id,
        title: r.title,
        content: r.content,
        custId: r.customerId,
        upLoginNo: r.handlerNo,
        status_zh_name: r.status,
        urgency: r.urgency,
        opTime: t(r.createdAt),
      };
    case "followUp":
      return {
        feed_type: "CustomerFollowUp",
        id: r.id,
        loginNo: r.authorNo && r.authorName ? `${r.authorNo}_${r.authorName}` : (r.authorNo ?? r.authorName),
        FollowUpContent: r.content,
        dealFlag: r.dealFlag?.name ?? null,
        created_at: t(r.createdAt),
      };
    case "callLog":
      return {
        feed_type: "CallLog",
        id: r.id,
        callType: CALL_TYPES[r.callType] ?? r.callType,
        followUpContent: r.result,
        callDuration: r.durationSec,
        createdTime: t(r.createdAt),
      };
    case "sms":
      return {
        feed_type: "TextMsgLog",
        id: r.id,
        content: r.content,
        phone: r.phone,
        direction: SMS_DIRECTIONS[r.direction] ?? r.direction,
        status: SMS_STATUSES[r.status] ?? r.status,
        createdTime: t(r.createdAt),
      };
    case "alternation":
      return {
        feed_type: "Alternation",
        time: t(r.createdAt),
        author: { loginNo: r.authorNo, loginName: r.authorName },
        summary: r.summary,
      };
  }
}
