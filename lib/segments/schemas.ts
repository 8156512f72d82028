import { z } from "zod";

/**
 * The segment rule format (docs/automation.md, /work/shared/AUTOMATION.md): one JSON tree used by the
 * console's builder, the CLI, scenario branches and the API. This schema checks its *shape*;
 * lib/segments/validate.ts checks it against the tenant's data (fields, operators by type, groups,
 * event keys, attributes, option names…).
 */

export const TEXT_OPS = ["eq", "neq", "contains", "startsWith", "in", "isEmpty", "isNotEmpty"] as const;
export const NUMBER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "between"] as const;
export const DATE_OPS = ["before", "after", "between", "inLastDays", "notInLastDays"] as const;
export const CHOICE_OPS = ["eq", "neq", "in", "notIn", "isEmpty", "isNotEmpty"] as const;
export const COUNT_OPS = ["gte", "lte", "eq"] as const;

export type TextOp = (typeof TEXT_OPS)[number];
export type NumberOp = (typeof NUMBER_OPS)[number];
export type DateOp = (typeof DATE_OPS)[number];
export type ChoiceOp = (typeof CHOICE_OPS)[number];
export type CountOp = (typeof COUNT_OPS)[number];

/** Every operator any field type knows; which apply to a field is checked by its type. */
export const ALL_OPS = [...new Set<string>([...TEXT_OPS, ...NUMBER_OPS, ...DATE_OPS, ...CHOICE_OPS])] as [string, ...string[]];

export const BUILT_IN_FIELDS = [
  "custname",
  "email",
  "phone",
  "crmId",
  "custType",
  "dealFlag",
  "custFrom",
  "stage",
  "score",
  "label",
  "owner",
  "department",
  "task",
  "createdAt",
  "updatedAt",
] as const;
export type BuiltInField = (typeof BUILT_IN_FIELDS)[number];

const scalar = z.union([z.string().max(2000), z.number().finite()]);
const ruleValue = z
  .union([scalar, z.array(scalar).max(1000), z.null()])
  .optional()
  .describe("A string or number, a list for in/notIn/between, or nothing for isEmpty/isNotEmpty");

export const fieldRuleSchema = z
  .object({
    field: z
      .string()
      .regex(/^(custname|email|phone|crmId|custType|dealFlag|custFrom|stage|score|label|owner|department|task|createdAt|updatedAt|custom:\d{1,9})$/, "is not a known field")
      .describe("A built-in field or custom:<fieldId>"),
    op: z.enum(ALL_OPS).describe("An operator of the field's type"),
    value: ruleValue,
  })
  .strict();

export const attrConditionSchema = z
  .object({
    attr: z.string().min(1).max(100).describe("An attribute key of the event type"),
    op: z.enum(ALL_OPS).describe("An operator of the attribute's type (text, value = number, Date, DateTime)"),
    value: ruleValue,
  })
  .strict();

export const eventRuleSchema = z
  .object({
    event: z.string().min(1).max(100).describe("An event type's key"),
    count: z
      .object({ op: z.enum(COUNT_OPS), value: z.number().int().min(0).max(1_000_000) })
      .strict()
      .optional()
      .describe("How many times (default: at least once)"),
    withinDays: z.number().int().min(1).max(36_500).optional().describe("In the last N days (default: ever)"),
    where: z.array(attrConditionSchema).max(20).optional().describe("Attribute conditions, all must hold"),
  })
  .strict();

export const groupRuleSchema = z.object({ group: z.number().int().positive().describe("A static group's id") }).strict();

export type FieldRule = z.infer<typeof fieldRuleSchema>;
export type AttrCondition = z.infer<typeof attrConditionSchema>;
export type EventRule = z.infer<typeof eventRuleSchema>;
export type GroupRule = z.infer<typeof groupRuleSchema>;
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | FieldRule | GroupRule | EventRule;

/** The rule tree; which branch an object is, is decided by its keys (see branchOf). */
export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ruleSchema).max(200) }).strict(),
    z.object({ any: z.array(ruleSchema).max(200) }).strict(),
    z.object({ not: ruleSchema }).strict(),
    fieldRuleSchema,
    groupRuleSchema,
    eventRuleSchema,
  ]),
);

/** The union member an object means, by its keys, so a failed union reports that member's errors. */
export function branchOf(input: unknown): number | undefined {
  if (!input || typeof input !== "object" || Array.isArray(input)) return undefined;
  const keys = ["all", "any", "not", "field", "group", "event"];
  const i = keys.findIndex((k) => k in input);
  return i < 0 ? undefined : i;
}

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
const description = z.string().trim().max(500, "must be at most 500 characters").nullable().optional();

export const createSegmentSchema = z.object({
  name: name.describe("The segment's name"),
  description: description.describe("What the segment is for"),
  rules: z.unknown().describe("The rule tree (see docs/automation.md)"),
});
export type CreateSegmentInput = z.input<typeof createSegmentSchema>;

export const updateSegmentSchema = createSegmentSchema.partial();
export type UpdateSegmentInput = z.input<typeof updateSegmentSchema>;

export const previewSchema = z.object({ rules: z.unknown().describe("The rule tree being edited") });

export const segmentIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const customerIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const membersQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional().describe("The last customer id of the previous page"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const explainQuerySchema = z.object({
  customerId: z.coerce.number().int().positive(),
  segmentId: z.coerce.number().int().positive(),
});

export const snapshotSchema = z.union([
  z.object({ groupId: z.number().int().positive() }).strict(),
  z.object({ newGroupName: z.string().trim().min(1).max(100) }).strict(),
]);
export type SnapshotTarget = z.infer<typeof snapshotSchema>;
