import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/**
 * Event categories (事件分组): how event types are grouped for the automation editor
 * (`listCustomerEventToFlows`). The `code` is what the events dialect calls `category`.
 */

export const CATEGORY_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

export const categoryCodeSchema = z
  .string({ error: expected("a string") })
  .trim()
  .regex(CATEGORY_CODE_PATTERN, "must start with a letter and have at most 64 letters, digits, _ . : or -")
  .describe("Category code, unique within the tenant (the `category` of the events API), e.g. trade");

export const createEventCategorySchema = z.object({
  code: categoryCodeSchema,
  name: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(50, "must be at most 50 characters")
    .describe("Display name, e.g. 交易行为"),
  sort: z
    .number({ error: expected("an integer") })
    .int("must be an integer")
    .min(0, "must be 0 or more")
    .max(1_000_000, "must be at most 1000000")
    .optional()
    .describe("Position in lists, smaller first; after the last category when omitted"),
});
export type CreateEventCategoryInput = z.input<typeof createEventCategorySchema>;

export const updateEventCategorySchema = createEventCategorySchema.partial();
export type UpdateEventCategoryInput = z.input<typeof updateEventCategorySchema>;

/** The console's form: the same fields as the create body. */
export const eventCategoryFormSchema = createEventCategorySchema;

export const eventCategorySchema = z.object({
  id: z.number().int(),
  code: z.string().describe("Category code"),
  name: z.string().describe("Display name"),
  sort: z.number().int().describe("Position in lists, smaller first"),
  eventTypeCount: z.number().int().describe("Event types in this category (archived ones excluded)"),
});
export type EventCategory = z.infer<typeof eventCategorySchema>;

export const eventCategoryIdParamsSchema = z.object({
  id: z.coerce.number({ error: "must be a category id" }).int("must be a category id").positive("must be a category id"),
});
