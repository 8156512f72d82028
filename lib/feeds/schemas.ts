import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/**
 * A customer's history (客户历史记录): tickets (工单), follow-ups (跟进记录), call logs (通话记录),
 * SMS logs (短信记录) and change records (变更记录, written by customer updates only).
 * The customers dialect calls the kinds Ticket, CustomerFollowUp, CallLog, TextMsgLog, Alternation.
 */
export const FEED_KINDS = ["ticket", "followUp", "callLog", "sms", "alternation"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
export const feedKindSchema = z.enum(FEED_KINDS);

const text = (max: number, what: string) =>
  z.string({ error: expected("a string") }).trim().min(1, "is required").max(max, `must be at most ${max} characters`).describe(what);
const optionalText = (max: number, what: string) =>
  z.string({ error: expected("a string") }).trim().max(max, `must be at most ${max} characters`).optional().describe(what);

export const TICKET_HTML_MAX = 100_000;

export const addFollowUpSchema = z.object({
  kind: z.literal("followUp"),
  content: text(5000, "What was said or agreed"),
  dealFlagId: z.number().int().positive().nullable().optional().describe("The deal flag reached (跟进阶段); also becomes the customer's"),
});

export const addTicketSchema = z.object({
  kind: z.literal("ticket"),
  title: text(255, "Ticket title"),
  content: text(TICKET_HTML_MAX, "Ticket body, HTML; sanitised on write"),
  status: optionalText(20, "Status as shown (status_zh_name), default 正常工单"),
  urgency: optionalText(20, "Urgency as shown, default 普通"),
  handlerNo: optionalText(32, "The handling staff member's login number (upLoginNo); default the author's"),
});

export const addCallLogSchema = z.object({
  kind: z.literal("callLog"),
  callType: z.enum(["inbound", "outbound"]).describe("inbound (呼入) | outbound (呼出)"),
  result: optionalText(1000, "The call's outcome (followUpContent)"),
  durationSec: z.number({ error: expected("a number of seconds") }).int().min(0).max(86_400).default(0),
  phone: optionalText(40, "The number called or calling"),
});

export const addSmsSchema = z.object({
  kind: z.literal("sms"),
  direction: z.enum(["inbound", "outbound"]).default("outbound"),
  content: text(1000, "Message text"),
  phone: optionalText(40, "The number"),
  status: z.enum(["sent", "delivered", "failed", "received"]).default("sent"),
});

/** The console's "add to history" form, discriminated by `kind`. */
export const addFeedItemSchema = z.discriminatedUnion("kind", [addFollowUpSchema, addTicketSchema, addCallLogSchema, addSmsSchema]);
export type AddFeedItemInput = z.input<typeof addFeedItemSchema>;
export type AddFeedItem = z.output<typeof addFeedItemSchema>;

// ─── The console's merged timeline (lib/feeds/timeline.ts) ───────────────────────────────────

/** What the timeline shows: recorded customer events, every history kind, and scenario runs ("automation"). */
export const TIMELINE_KINDS = ["event", ...FEED_KINDS, "automation"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "yyyy-MM-dd"')
  .optional();

export const timelineQuerySchema = z.object({
  kind: z.enum(TIMELINE_KINDS).optional().describe("one kind (event, ticket, followUp, callLog, sms, alternation, automation); all when omitted"),
  automation: z.enum(["show", "hide"]).default("show").describe("hide: leave scenario runs out of the kinds shown when `kind` is omitted"),
  eventTypeId: z.coerce.number().int().positive().optional().describe("only events of this type (history items have no type)"),
  from: day.describe("from this day on, in the tenant's time zone"),
  to: day.describe("up to and including this day, in the tenant's time zone"),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TimelineQuery = z.output<typeof timelineQuerySchema>;
