import { z } from "zod";
import { crmIdSchema, emailSchema, identityInputSchema, TEXT_MAX } from "@/lib/customers/schemas";
import { LOOKUP_TYPES, type LookupType } from "@/lib/customers/lookup";
import { fail } from "@/lib/errors";
import { CUSTOMER_CODES } from "./envelope";

/**
 * The customers dialect's request schemas (seed 002). Bodies are read like the seed's Rails
 * backend reads them: `customer` is required and must not be empty; keys the dialect does not
 * know, and read-only ones (id, opTime, loginNo, upLoginNo, upTime, followNum, lastFlowTime,
 * taskname, stage, score), are ignored. Keys are matched without regard to case or surrounding
 * spaces, so the seed's own `custtype` and `" cellphones"` work.
 */

/** Writable keys of `customer`, as the seed spells them. */
export const WRITABLE_KEYS = [
  "custname",
  "custType",
  "cellphones",
  "address",
  "companyName",
  "taskId",
  "serviceNo",
  "servicegroupId",
  "companyId",
  "jsonStr",
  "dealFlag",
  "assignTime",
  "customerLabel",
  "custFrom",
  "lastAccept",
  "email",
  "crmId",
  "identities",
] as const;

const CANONICAL = new Map<string, string>(WRITABLE_KEYS.map((k) => [k.toLowerCase(), k]));

const str = (what: string, max = TEXT_MAX) =>
  z
    .union([z.string(), z.number()], { error: (i) => (i.input === undefined ? "is required" : "must be a string") })
    .transform((v) => String(v).trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional()
    .describe(what);

const intId = (what: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d{1,10}$/, "must be an integer id")], { error: "must be an integer id" })
    .transform((v) => Number(v))
    .pipe(z.number().int("must be an integer id").positive("must be an integer id"))
    .nullable()
    .optional()
    .describe(what);

/** `[id|null, "number"]` as the seed writes it; `"number"` and `{id, content}` (the answer's shape) too. */
const phoneEntrySchema = z.union(
  [
    z.tuple([z.union([z.number().int().positive(), z.null()]), z.union([z.string(), z.number()])]),
    z.union([z.string(), z.number()]),
    z.object({ id: z.number().int().positive().nullable().optional(), content: z.union([z.string(), z.number()]) }),
  ],
  { error: 'must be [id or null, "number"]' },
);

export const wireCustomerSchema = z.object({
  custname: z
    .string({ error: (i) => (i.input === undefined ? "is required" : "must be a string") })
    .trim()
    .min(1, "must not be empty")
    .max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`)
    .optional()
    .describe("姓名: the customer's name; required to create"),
  custType: str("客户类型: an option name of custTypeList (filter_customers)", 50),
  cellphones: z
    .array(phoneEntrySchema)
    .max(20, "at most 20 phones")
    .nullable()
    .optional()
    .describe('联系电话: the complete list, each [phone id or null, "number"]; a phone is unique in the tenant'),
  address: str("联系地址"),
  companyName: str("客户公司名称"),
  taskId: intId("客户任务 id (taskList of filter_customers)"),
  serviceNo: str("归属工号: a staff login number (loginNoList); needs servicegroupId", 32),
  servicegroupId: intId("归属部门 id: the department of the serviceNo"),
  companyId: str("归属公司序列号"),
  jsonStr: z
    .union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), z.string()], {
      error: "must be an object of custom field values",
    })
    .nullable()
    .optional()
    .describe('自定义字段: {"<fieldId>_<fieldName>": value}, as an object or its JSON text'),
  dealFlag: str("客户状态 / 行销结果: an option name of dealFlagList", 50),
  assignTime: str("分配时间: yyyy-MM-dd HH:mm in the tenant's time zone", 40),
  customerLabel: z
    .union([z.string(), z.array(z.string())], { error: 'must be "标签1,标签2"' })
    .nullable()
    .optional()
    .describe('标签: "标签1,标签2" (the complete list; new names become labels)'),
  custFrom: str("客户来源: an option name of custFromList", 50),
  lastAccept: str("最近一次通话流水"),
  email: emailSchema.nullable().optional(),
  crmId: z
    .union([z.string(), z.number()], { error: "must be a string" })
    .transform(String)
    .pipe(crmIdSchema)
    .nullable()
    .optional(),
  identities: z.array(identityInputSchema).max(20, "at most 20 identities").nullable().optional().describe("Custom identities (complete list)"),
});
export type WireCustomer = z.output<typeof wireCustomerSchema>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const paramMissing = () =>
  fail("required", "param is missing or the value is empty: customer", { path: "customer", params: { param: "customer" } });

/** `{customer:{…}}` → the writable fields, or the seed's errors (2000). */
export const customerBodySchema = z.unknown().transform((body): WireCustomer => {
  if (!isPlainObject(body)) {
    throw fail("invalid_input", "body: must be a JSON object {customer:{…}}", { path: "body" });
  }
  const raw = body.customer;
  if (raw === undefined || raw === null || (isPlainObject(raw) && Object.keys(raw).length === 0)) throw paramMissing();
  if (!isPlainObject(raw)) throw fail("invalid_input", "customer: must be an object", { path: "customer" });
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const canonical = CANONICAL.get(key.trim().toLowerCase());
    if (canonical && !(canonical in known)) known[canonical] = value;
  }
  if (Object.keys(known).length === 0) throw paramMissing();
  return z.object({ customer: wireCustomerSchema }).parse({ customer: known }).customer;
});

// ─── Query strings ───────────────────────────────────────────────────────────────────────────

const seeded = (reason: "page_invalid" | "page_size_invalid", path: string) =>
  fail(reason, reason === "page_invalid" ? CUSTOMER_CODES["206201"] : CUSTOMER_CODES["206211"], { path });

/** `page`: 1 when absent; anything but an integer ≥ 1 is 206201. */
export const pageParam = z
  .string()
  .optional()
  .transform((raw) => {
    if (raw === undefined || raw.trim() === "") return 1;
    if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) throw seeded("page_invalid", "page");
    return Number(raw);
  })
  .describe("页码, from 1 (default 1)");

/** `page_size`: 20 when absent; 1–100, else 206211. */
export const pageSizeParam = z
  .string()
  .optional()
  .transform((raw) => {
    if (raw === undefined || raw.trim() === "") return 20;
    const n = Number(raw.trim());
    if (!/^\d{1,4}$/.test(raw.trim()) || n < 1 || n > 100) throw seeded("page_size_invalid", "page_size");
    return n;
  })
  .describe("每页数量, 1–100 (default 20)");

/** `type` + `content`: how update, destroy, get and feeds point at customers. */
export const lookupParams = {
  type: z.string().optional().describe("条件类型: id | custName | cellphone | companyName"),
  content: z.string().optional().describe("条件内容"),
};

export function checkLookup(q: { type?: string; content?: string }): { type: LookupType; content: string } {
  const type = q.type?.trim();
  if (!type || !(LOOKUP_TYPES as readonly string[]).includes(type)) throw fail("identity_type_invalid", "type must be id, custName, cellphone or companyName", { path: "type" });
  const content = q.content?.trim();
  if (!content) throw fail("customer_ref_missing", "content is required to find a customer", { path: "content" });
  return { type: type as LookupType, content };
}

/** The query as documented (the route parses it with lookupQuerySchema). */
export const lookupQueryObject = z.object(lookupParams);
export const lookupQuerySchema = lookupQueryObject.transform(checkLookup);

export const listQuerySchema = z.object({
  filters: z.string().max(500).optional().describe("客户任务｜客户归属｜客户类型｜客户状态｜客户来源 (｜ or |; an empty part is any)"),
  query: z.string().max(100).optional().describe("客户名称 or 电话号码 contains"),
  page: pageParam,
  operator: z.string().max(64).optional().describe("The operator's login number: 我的客户 means serviceNo = operator"),
});

/** Seed feed types and the domain's kinds. */
export const WIRE_FEED_TYPES = {
  Ticket: "ticket",
  CustomerFollowUp: "followUp",
  CallLog: "callLog",
  TextMsgLog: "sms",
  Alternation: "alternation",
} as const;
export type WireFeedType = keyof typeof WIRE_FEED_TYPES;

export const feedsQueryObject = z.object({
    feed_type: z
      .enum(Object.keys(WIRE_FEED_TYPES) as [WireFeedType, ...WireFeedType[]], {
        error: (i) => (i.input === undefined ? "is required" : "must be Ticket, CustomerFollowUp, CallLog, TextMsgLog or Alternation"),
      })
      .describe("Ticket | CustomerFollowUp | CallLog | TextMsgLog | Alternation"),
    ...lookupParams,
    page: pageParam,
    page_size: pageSizeParam,
  });
export const feedsQuerySchema = feedsQueryObject.transform((q) => ({ ...q, ...checkLookup(q) }));
