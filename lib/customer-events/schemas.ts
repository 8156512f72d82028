import { z } from "zod";
import { isCalendarDate, isWallClock } from "./time";

/**
 * Customer events (seed 000, 记录客户事件 / 查询目标客户的发生的事件列表). The wire names are the seed's
 * (`event`, `attrValueList`, `happenTime`…); the parsed output uses the domain's names (`eventKey`,
 * `attributes`) so the console can build the same input without speaking the dialect.
 */

export { ATTRIBUTE_TYPES, canonicalAttributeType, type AttributeType } from "@/lib/event-types/attribute-types";

export const MAX_BATCH_EVENTS = 1000;
export const MAX_ATTRIBUTES = 100;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_NUM = 1_000_000;

/** Absent, null and "" all mean "not given" for the optional fields. */
const blankToUndefined = (v: unknown) => (v === null || v === "" ? undefined : v);

// Messages are fragments: the error summary prefixes each with its field ("happenTime: required…").
const required = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? `required, ${what}` : `must be ${what}`);

/** A string field that integrators also send as a number (ids, coordinates, amounts). */
const looseString = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v),
    z.string({ error: "must be a string" }).trim().max(max, `longer than ${max} characters`),
  );

/** Optional text: absent, null, "" and all-blank are all "not given" (never stored as ""). */
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, looseString(max).optional()).transform((v) => (v === "" ? undefined : v));

const TIME_FORM = 'a time "yyyy-MM-dd HH:mm:ss"';
const wallClock = () =>
  z
    .string({ error: required(TIME_FORM) })
    .trim()
    .refine(isWallClock, {
      message: 'must be a valid time "yyyy-MM-dd HH:mm:ss" (in the tenant\'s time zone, years 1900 to 2999)',
      params: { reason: "invalid_time" },
    });

const coordinate = (limit: number) =>
  z.preprocess(
    blankToUndefined,
    looseString(32)
      .refine((v) => /^[-+]?\d+(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= limit, {
        message: `must be a number between -${limit} and ${limit}`,
      })
      .optional(),
  );

const customerIdField = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
  z
    .number({ error: "must be a positive integer" })
    .int("must be a positive integer")
    .positive("must be a positive integer")
    .max(2_147_483_647, "is too large")
    .optional(),
);

/** The customer reference every customer-event call takes: `customerId` wins over the identity. */
const customerRef = {
  customerId: customerIdField.describe("客户id; wins over identityType + identityValue"),
  identityType: optionalText(64).describe("身份类型: phone, email, crmId or a custom identity type"),
  identityValue: optionalText(320).describe("身份值"),
};

function requireCustomer(v: { customerId?: number; identityType?: string; identityValue?: string }, ctx: z.RefinementCtx) {
  if (v.customerId !== undefined) return;
  if (v.identityType && v.identityValue) return;
  if (v.identityType) ctx.addIssue({ code: "custom", message: "required with identityType", path: ["identityValue"] });
  else if (v.identityValue) ctx.addIssue({ code: "custom", message: "required with identityValue", path: ["identityType"] });
  else ctx.addIssue({ code: "custom", message: "customerId or identityType + identityValue is required", path: [] });
}

export const attributeValueSchema = z.object({
  attrKey: z.string({ error: required("a string") }).trim().min(1, "required").max(128, "longer than 128 characters").describe("属性key"),
  attrValue: z
    .preprocess(
      (v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v),
      z.string({ error: required("a string") }).max(4000, "longer than 4000 characters"),
    )
    .describe("属性值, as a string (numbers are accepted and kept as written)"),
  type: z
    .preprocess(blankToUndefined, z.string({ error: "must be a string" }).max(16, "is not one of text, value, Date, DateTime").optional())
    .describe("属性类型: text | value | Date | DateTime (any case); when absent the type's declared one"),
});

const SOURCE_FIELDS = ["source", "source1", "source2", "source3", "source4", "source5", "source6", "source7", "source8"] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];
export const GEO_FIELDS = ["province", "city", "district", "latitude", "longitude"] as const;
export const CONTEXT_FIELDS = [...SOURCE_FIELDS, ...GEO_FIELDS] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

const sourceShape = Object.fromEntries(
  SOURCE_FIELDS.map((f) => [f, optionalText(255).describe(f === "source" ? "事件来源" : `租户客户来源${f.slice(6)}`)]),
) as Record<SourceField, ReturnType<typeof optionalText>>;

/** The body of `customer-event/create`, and one item of `batchCreate`. */
export const createCustomerEventBody = z
  .object({
    ...customerRef,
    event: z.string({ error: required("an event type key") }).trim().min(1, "required").max(128, "longer than 128 characters").describe("事件Key"),
    eventName: optionalText(255).describe("事件名称; the type's name when absent"),
    eventValue: optionalText(1000).describe("事件值"),
    happenTime: wallClock().describe("事件的发生时间, yyyy-MM-dd HH:mm:ss in the tenant's time zone"),
    scheduledTime: z
      .preprocess(blankToUndefined, wallClock().optional())
      .describe("预订时间: scenarios triggered by the event start then when it is in the future"),
    attrValueList: z
      .preprocess(blankToUndefined, z.array(attributeValueSchema).max(MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`).optional())
      .describe("事件扩展属性信息"),
    ...sourceShape,
    province: optionalText(100).describe("省份"),
    city: optionalText(100).describe("市"),
    district: optionalText(100).describe("区"),
    latitude: coordinate(90).describe("纬度"),
    longitude: coordinate(180).describe("经度"),
    eventId: optionalText(128).describe(
      "beyond the seed: an idempotency key; the same eventId again for the tenant is acknowledged and writes nothing",
    ),
  })
  .superRefine(requireCustomer)
  .transform(({ event, attrValueList, ...rest }) => ({ ...rest, eventKey: event, attributes: attrValueList ?? [] }));

export type CreateCustomerEventBody = z.input<typeof createCustomerEventBody>;
/** What recordEvent takes: the domain's names, times still as the tenant's wall-clock strings. */
export type RecordEventInput = z.output<typeof createCustomerEventBody>;

/** `batchCreate`: items are checked one by one, so a malformed item fails alone. */
export const batchCreateBody = z.object({
  events: z
    .array(z.unknown(), { error: required("an array of events") })
    .min(1, "holds no event")
    .max(MAX_BATCH_EVENTS, `holds more than ${MAX_BATCH_EVENTS} events`)
    .describe("the events to record, each shaped as the body of customer-event/create"),
});

const pageNumber = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z
      .number({ error: "must be an integer" })
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(max, `must be at most ${max}`)
      .optional(),
  );

const timeBound = (label: string) =>
  z
    .preprocess(
      blankToUndefined,
      z
        .string({ error: "must be a string" })
        .trim()
        .refine((v) => isWallClock(v) || isCalendarDate(v), {
          message: 'must be "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd" (years 1900 to 2999)',
          params: { reason: "invalid_time" },
        })
        .optional(),
    )
    .describe(`${label}, in the tenant's time zone; a bare date covers its whole day`);

/** The body of `customer-event/queryByCustomerId`. */
export const queryCustomerEventsBody = z
  .object({
    ...customerRef,
    event: optionalText(128).describe("事件Key: only events of this type"),
    startTime: timeBound("startTime"),
    endTime: timeBound("endTime"),
    pageNum: pageNumber(MAX_PAGE_NUM).describe("beyond the seed: page number, from 1 (default 1)"),
    pageSize: pageNumber(MAX_PAGE_SIZE).describe(`beyond the seed: page size (default ${DEFAULT_PAGE_SIZE}, max ${MAX_PAGE_SIZE})`),
  })
  .superRefine(requireCustomer)
  .transform(({ event, pageNum, pageSize, ...rest }) => ({
    ...rest,
    eventKey: event,
    pageNum: pageNum ?? 1,
    pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
  }));

export type QueryCustomerEventsInput = z.output<typeof queryCustomerEventsBody>;

/** Who recorded an event, stored as "apikey:<id>" / "user:<id>" in CustomerEvent.recordedBy. */
export interface EventActor {
  type: "user" | "apikey" | "system";
  id: number | null;
}

export function recordedByOf(actor: EventActor): string | null {
  return actor.type === "system" ? "system" : actor.id == null ? actor.type : `${actor.type}:${actor.id}`;
}
