import { z } from "zod";
import { categoryCodeSchema } from "@/lib/event-categories/schemas";
import { expected } from "@/lib/validation/messages";
import { ATTRIBUTE_TYPES, canonicalAttributeType, type AttributeType } from "./attribute-types";

/**
 * Event types (事件类型): the metadata of customer events. One set of schemas serves the console's
 * form (zodResolver), the console JSON routes, the services, and — through the events dialect's
 * wire schemas in lib/openapi/events — the public API and its OpenAPI document.
 */

export const EVENT_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
export const ATTR_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
export const MAX_ATTRIBUTES = 100;

/** One list of attribute types (./attribute-types.ts), re-exported for this domain's users. */
export { ATTRIBUTE_TYPES, canonicalAttributeType, type AttributeType };

export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = {
  text: "文本 (text)",
  value: "数值 (value)",
  Date: "日期 (Date)",
  DateTime: "日期时间 (DateTime)",
};

export const eventKeySchema = z
  .string({ error: expected("a string") })
  .trim()
  .regex(EVENT_KEY_PATTERN, "must start with a letter and have at most 64 letters, digits, _ . : or -")
  .describe("Event type key, unique within the tenant (archived types included); identifies the type in every API");

/** Any case in, the canonical spelling out: "DATE" → "Date". */
export const attributeTypeSchema = z
  .string({ error: expected("one of text, value, Date, DateTime") })
  .transform((raw, ctx): AttributeType => {
    const t = canonicalAttributeType(raw);
    if (!t) {
      ctx.addIssue({ code: "custom", message: `must be one of text, value, Date, DateTime (got "${raw}")` });
      return z.NEVER;
    }
    return t;
  })
  .describe("Attribute type: text (文本), value (数值), Date (日期, yyyy-MM-dd) or DateTime (日期时间, yyyy-MM-dd HH:mm:ss); any case accepted")
  .meta({ examples: [...ATTRIBUTE_TYPES] });

export const eventAttributeInputSchema = z.object({
  attrKey: z
    .string({ error: expected("a string") })
    .trim()
    .regex(ATTR_KEY_PATTERN, "must start with a letter or _ and have at most 64 letters, digits, _ . or -")
    .describe("Attribute key, unique within the event type"),
  attrName: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(100, "must be at most 100 characters")
    .describe("Attribute display name"),
  type: attributeTypeSchema,
  showInFlow: z.boolean({ error: expected("true or false") }).describe("Offered by default in the automation editor"),
});
export type EventAttributeInput = z.input<typeof eventAttributeInputSchema>;

/** Attribute keys are unique within a type (a refinement the events dialect's attrList shares). */
export function refineUniqueAttrKeys(attrs: readonly { attrKey: string }[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  attrs.forEach((a, i) => {
    const first = seen.get(a.attrKey);
    if (first !== undefined) {
      ctx.addIssue({ code: "custom", path: [i, "attrKey"], message: `"${a.attrKey}" is used twice (also item ${first})` });
    } else {
      seen.set(a.attrKey, i);
    }
  });
}

/** Attributes as a whole: replaced as given, keys unique within the type. */
export const eventAttributeListSchema = z
  .array(eventAttributeInputSchema, { error: expected("a list") })
  .max(MAX_ATTRIBUTES, `must have at most ${MAX_ATTRIBUTES} attributes`)
  .superRefine(refineUniqueAttrKeys)
  .describe("The type's attributes; on update the given list replaces the previous one");

/**
 * The console's event-type form, and the body of `POST /api/event-types`. Field names are the
 * domain's: `isInteract` is a boolean here (the events dialect's "0"/"1" is mapped at the edge).
 */
export const eventTypeFormSchema = z.object({
  eventKey: eventKeySchema,
  name: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(100, "must be at most 100 characters")
    .describe("Event type name, e.g. 订单支付"),
  isInteract: z.boolean({ error: expected("true or false") }).describe("Whether the event is an interaction (互动行为)"),
  rating: z
    .number({ error: expected("an integer") })
    .int("must be an integer")
    .min(-100_000, "must be at least -100000")
    .max(100_000, "must be at most 100000")
    .nullable()
    .describe("Score added to the customer when an event of this type is recorded; null = none"),
  stageId: z
    .number({ error: expected("a stage id") })
    .int("must be a stage id")
    .positive("must be a stage id")
    .describe("The lifecycle stage a customer moves to when an event of this type is recorded"),
  categoryCode: categoryCodeSchema.nullable().describe("Event category code; null = ungrouped"),
  attributes: eventAttributeListSchema,
});
export type EventTypeFormValues = z.input<typeof eventTypeFormSchema>;

/** Create: the form as posted (rating and category may be left out). */
export const createEventTypeSchema = eventTypeFormSchema.extend({
  rating: eventTypeFormSchema.shape.rating.optional(),
  categoryCode: eventTypeFormSchema.shape.categoryCode.optional(),
});
export type CreateEventTypeInput = z.input<typeof createEventTypeSchema>;

/**
 * Update: any subset. `eventKey`, when present, must equal the current one (a key is never renamed:
 * integrators and recorded events refer to it). `attributes`, when present, replace the set.
 */
export const updateEventTypeSchema = eventTypeFormSchema.partial();
export type UpdateEventTypeInput = z.input<typeof updateEventTypeSchema>;

export const listEventTypesQuerySchema = z.object({
  search: z.string().trim().max(100).optional().describe("Matches name or eventKey, case-insensitively"),
  includeArchived: z.stringbool().optional().describe("Include archived event types"),
});
export type ListEventTypesQuery = z.output<typeof listEventTypesQuerySchema>;

export const eventTypeIdParamsSchema = z.object({
  id: z.coerce.number({ error: "must be an event type id" }).int("must be an event type id").positive("must be an event type id"),
});

// ─── What the services return (serialized, camelCase, ISO dates) ───────────────────────────────

export const eventAttributeSchema = z.object({
  attrKey: z.string(),
  attrName: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  showInFlow: z.boolean(),
});
export type EventAttribute = z.infer<typeof eventAttributeSchema>;

export const eventTypeSchema = z.object({
  id: z.number().int(),
  eventKey: z.string(),
  name: z.string(),
  isInteract: z.boolean(),
  rating: z.number().int().nullable(),
  stageId: z.number().int().nullable(),
  stage: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  categoryCode: z.string().nullable(),
  category: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  attributes: z.array(eventAttributeSchema),
  archived: z.boolean(),
  archivedAt: z.string().nullable().describe("ISO instant"),
  createdAt: z.string().describe("ISO instant"),
  updatedAt: z.string().describe("ISO instant"),
});
export type EventType = z.infer<typeof eventTypeSchema>;

/** One group of the automation editor's event picker: a category (null = ungrouped) and its types. */
export const eventTypeFlowGroupSchema = z.object({
  category: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  eventTypes: z.array(
    z.object({
      eventKey: z.string(),
      name: z.string(),
      /** only attributes with showInFlow */
      attributes: z.array(eventAttributeSchema.pick({ attrKey: true, attrName: true, type: true })),
    }),
  ),
});
export type EventTypeFlowGroup = z.infer<typeof eventTypeFlowGroupSchema>;
