import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/**
 * Custom fields (自定义字段) of the customer profile, defined per tenant. The customers dialect
 * carries their values in `jsonStr`, keyed `<fieldId>_<fieldName>` (e.g. `392_消费情况`).
 */
export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "select"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export const TEXT_VALUE_MAX = 2000;

const optionsSchema = z
  .array(z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"))
  .max(200, "at most 200 options")
  .describe("For `select`: the allowed values");

const base = z.object({
  name: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(50, "must be at most 50 characters")
    .describe("Field name, unique within the tenant, e.g. 消费情况"),
  type: z.enum(CUSTOM_FIELD_TYPES).default("text").describe("text | number | date (yyyy-MM-dd) | select"),
  required: z.boolean({ error: expected("true or false") }).default(false).describe("A new customer must give a value"),
  options: optionsSchema.nullable().optional(),
  sort: z.number({ error: expected("an integer") }).int().min(0).max(1_000_000).optional(),
});

const selectNeedsOptions = (v: { type?: string; options?: string[] | null }) =>
  v.type !== "select" || (v.options?.length ?? 0) > 0;

export const createCustomFieldSchema = base.refine(selectNeedsOptions, {
  message: "a select field needs at least one option",
  path: ["options"],
});
export type CreateCustomFieldInput = z.input<typeof createCustomFieldSchema>;

export const updateCustomFieldSchema = base
  .extend({ type: z.enum(CUSTOM_FIELD_TYPES).optional(), required: z.boolean().optional() })
  .partial();
export type UpdateCustomFieldInput = z.input<typeof updateCustomFieldSchema>;

/** The console's form of a definition. */
export const customFieldFormSchema = createCustomFieldSchema;

export interface CustomFieldDefinition {
  id: number;
  /** `<id>_<name>`: the key of this field in the customers dialect's `jsonStr` */
  key: string;
  name: string;
  type: CustomFieldType;
  required: boolean;
  options: string[] | null;
  sort: number;
}

/** One value given for a customer: by field id (console) or by `jsonStr` key (which also names it). */
export interface CustomFieldEntry {
  fieldId: number;
  /** the name part of a `jsonStr` key, checked against the definition */
  fieldName?: string;
  /** the key as the caller wrote it, for messages */
  key: string;
  /** null or "" clears the value */
  value: string | null;
}

export const fieldKey = (def: { id: number; name: string }) => `${def.id}_${def.name}`;
