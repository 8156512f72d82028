import { z } from "zod";
import { eventFailure } from "@/lib/customer-events/errors";
import type { EventColumns } from "@/lib/customer-events/repository";
import {
  ATTRIBUTE_TYPES,
  attributeFields,
  blankToUndefined,
  canonicalAttributeType,
  CONTEXT_FIELDS,
  coordinate,
  customerIdField,
  DEFAULT_PAGE_SIZE,
  eventKeyField,
  MAX_ATTRIBUTES,
  MAX_BATCH_EVENTS,
  MAX_PAGE_NUM,
  MAX_PAGE_SIZE,
  optionalText,
  pageNumber,
  required,
  requireCustomer,
  timeBound,
  wallClock,
  type ContextField,
  type QueryCustomerEventsInput,
  type RecordEventInput,
  type SourceField,
} from "@/lib/customer-events/schemas";
import { formatTenantDay, formatTenantTime } from "@/lib/customer-events/time";
import type { DomainError } from "@/lib/errors";

/**
 * The events dialect's customer-event bodies and answers (seed 000, 记录客户事件 /
 * 查询目标客户的发生的事件列表), built from the domain's field validators. Wire names are the seed's
 * (`event`, `attrValueList`, `happenTime`…); parsing yields the domain's input (`eventKey`,
 * `attributes`). The console's record dialog posts the same body (it validates with it too).
 */

/** The customer reference every customer-event call takes: `customerId` wins over the identity. */
const customerRef = {
  customerId: customerIdField.describe("客户id; wins over identityType + identityValue"),
  identityType: optionalText(64).describe("身份类型: phone, email, crmId or a custom identity type"),
  identityValue: optionalText(320).describe("身份值"),
};

export const attributeValueSchema = z.object({
  attrKey: attributeFields.attrKey.describe("属性key"),
  attrValue: attributeFields.attrValue.describe("属性值, as a string (numbers are accepted and kept as written)"),
  type: attributeFields.type.describe("属性类型: text | value | Date | DateTime (any case); when absent the type's declared one"),
});

const sourceShape = Object.fromEntries(
  CONTEXT_FIELDS.filter((f): f is SourceField => f.startsWith("source")).map((f) => [
    f,
    optionalText(255).describe(f === "source" ? "事件来源" : `租户客户来源${f.slice(6)}`),
  ]),
) as Record<SourceField, ReturnType<typeof optionalText>>;

/** The fields of `customer-event/create` (one item of `batchCreate`), before the cross-field checks. */
const createCustomerEventFields = z.object({
    ...customerRef,
    event: eventKeyField.describe("事件Key"),
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
});

type CreateFields = z.output<typeof createCustomerEventFields>;
/** Every field named (absent ones undefined): one object shape for all items of a batch, ~4 ms a batch
 * of 1,000 less than copying the rest with `...rest`. */
const toRecordInput = (v: CreateFields): RecordEventInput =>
  ({
    customerId: v.customerId,
    identityType: v.identityType,
    identityValue: v.identityValue,
    eventKey: v.event,
    eventName: v.eventName,
    eventValue: v.eventValue,
    happenTime: v.happenTime,
    scheduledTime: v.scheduledTime,
    attributes: v.attrValueList ?? [],
    eventId: v.eventId,
    source: v.source,
    source1: v.source1,
    source2: v.source2,
    source3: v.source3,
    source4: v.source4,
    source5: v.source5,
    source6: v.source6,
    source7: v.source7,
    source8: v.source8,
    province: v.province,
    city: v.city,
    district: v.district,
    latitude: v.latitude,
    longitude: v.longitude,
  }) satisfies Required<{ [K in Exclude<keyof CreateFields, "event" | "attrValueList">]: unknown }> & RecordEventInput;

/** The body of `customer-event/create`, and one item of `batchCreate`. */
export const createCustomerEventBody = createCustomerEventFields.superRefine(requireCustomer).transform(toRecordInput);

export type CreateCustomerEventBody = z.input<typeof createCustomerEventBody>;

const FIELD_NAMES = Object.keys(createCustomerEventFields.shape) as (keyof CreateFields)[];
const ALWAYS_CHECKED = new Set<string>(["event", "happenTime"]);
const bodyOfFields = new Map<string, z.ZodType<RecordEventInput>>();

/**
 * createCustomerEventBody restricted to the fields an item carries (and the required ones), one
 * schema per set of field names, kept. Every field of the body is optional but two, and an absent
 * optional field still costs a trip through its preprocess/optional/transform chain (≈ 0.5 µs
 * each, ~20 fields): a batch of 1,000 items whose items give five fields spends most of its
 * validation on fields nobody sent. The result, errors included, is what the whole body's schema
 * gives: the same field schemas in the same order, the same cross-field check and transform.
 */
function bodyFor(raw: Record<string, unknown>): z.ZodType<RecordEventInput> {
  const names = FIELD_NAMES.filter((k) => ALWAYS_CHECKED.has(k) || raw[k] !== undefined);
  const key = names.join(",");
  let schema = bodyOfFields.get(key);
  if (!schema) {
    const shape = Object.fromEntries(names.map((k) => [k, createCustomerEventFields.shape[k]]));
    schema = z.object(shape).superRefine(requireCustomer).transform((v) => toRecordInput(v as CreateFields));
    // at most 2^20 sets in theory; in practice an integration sends a handful
    if (bodyOfFields.size >= 256) bodyOfFields.clear();
    bodyOfFields.set(key, schema);
  }
  return schema;
}

/** One raw `batchCreate` item as the domain's input, or why it is refused: a malformed item fails alone. */
export function parseBatchItem(raw: unknown): RecordEventInput | DomainError {
  const plain = typeof raw === "object" && raw !== null && !Array.isArray(raw);
  const parsed = (plain ? bodyFor(raw as Record<string, unknown>) : createCustomerEventBody).safeParse(raw);
  return parsed.success ? parsed.data : eventFailure(parsed.error);
}

/** `batchCreate`: items are checked one by one (parseBatchItem), so a malformed item fails alone. */
export const batchCreateBody = z.object({
  events: z
    .array(z.unknown(), { error: required("an array of events") })
    .min(1, "holds no event")
    .max(MAX_BATCH_EVENTS, `holds more than ${MAX_BATCH_EVENTS} events`)
    .describe("the events to record, each shaped as the body of customer-event/create"),
});

/** The body of `customer-event/queryByCustomerId`. */
export const queryCustomerEventsBody = z
  .object({
    ...customerRef,
    event: optionalText(128).describe("事件Key: only events of this type"),
    startTime: timeBound().describe("startTime, in the tenant's time zone; a bare date covers its whole day"),
    endTime: timeBound().describe("endTime, in the tenant's time zone; a bare date covers its whole day"),
    pageNum: pageNumber(MAX_PAGE_NUM).describe("beyond the seed: page number, from 1 (default 1)"),
    pageSize: pageNumber(MAX_PAGE_SIZE).describe(`beyond the seed: page size (default ${DEFAULT_PAGE_SIZE}, max ${MAX_PAGE_SIZE})`),
  })
  .superRefine(requireCustomer)
  .transform(
    ({ event, pageNum, pageSize, ...rest }): QueryCustomerEventsInput => ({
      ...rest,
      eventKey: event,
      pageNum: pageNum ?? 1,
      pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
    }),
  );

// ─── Answers ───────────────────────────────────────────────────────────────────────────────────

const nullable = z.string().nullable();
const contextShape = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, nullable])) as Record<ContextField, typeof nullable>;

export const wireCustomerEventSchema = z
  .object({
    event: z.string().describe("事件Key"),
    eventName: z.string(),
    eventValue: nullable,
    happenTime: z.string().describe("yyyy-MM-dd HH:mm:ss, tenant's time zone"),
    time: z.string().describe("the day of happenTime, yyyy-MM-dd"),
    ...contextShape,
    attrValueList: z.array(
      z.object({
        attrKey: z.string(),
        attrValue: z.string().describe("as recorded"),
        type: z.enum(ATTRIBUTE_TYPES),
      }),
    ),
  })
  .meta({ id: "CustomerEvent" });
/** One item of `queryByCustomerId`, exactly the seed's fields; absent optional values are null. */
export type WireCustomerEvent = z.infer<typeof wireCustomerEventSchema>;

export function toWireEvent(e: EventColumns, timeZone: string): WireCustomerEvent {
  const context = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, e[f] ?? null])) as Record<ContextField, string | null>;
  return {
    event: e.eventKey,
    eventName: e.eventName,
    eventValue: e.eventValue ?? null,
    happenTime: formatTenantTime(e.happenTime, timeZone),
    time: formatTenantDay(e.happenTime, timeZone),
    ...context,
    attrValueList: e.attributes.map((a) => ({
      attrKey: a.attrKey,
      attrValue: a.value,
      // stored types are canonical; the fallback keeps a stray spelling rather than dropping the row
      type: canonicalAttributeType(a.type) ?? (a.type as WireCustomerEvent["attrValueList"][number]["type"]),
    })),
  };
}

export const wireBatchItemSchema = z.object({
  index: z.number().int().describe("position in `events`"),
  ok: z.boolean().describe("true also when the eventId was recorded before (nothing written)"),
  error: z.string().optional().describe("why this event was not recorded, naming the field or attribute"),
});
/** `batchCreate` answers `{index, ok, error?}` per item, in the order the items came. */
export type WireBatchItem = z.infer<typeof wireBatchItemSchema>;

export function toWireBatchItem(r: { index: number; ok: boolean; error?: { message: string } }): WireBatchItem {
  return r.ok ? { index: r.index, ok: true } : { index: r.index, ok: false, error: r.error?.message ?? "failed" };
}
