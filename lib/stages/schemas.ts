import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/** Lifecycle stages (生命周期阶段): where recording an event of a type moves the customer. */

export const stageNameSchema = z
  .string({ error: expected("a string") })
  .trim()
  .min(1, "is required")
  .max(50, "must be at most 50 characters")
  .describe("Stage name, unique within the tenant, e.g. 意向客户");

export const stageSortSchema = z
  .number({ error: expected("an integer") })
  .int("must be an integer")
  .min(0, "must be 0 or more")
  .max(1_000_000, "must be at most 1000000")
  .describe("Position in lists, smaller first");

export const createStageSchema = z.object({
  name: stageNameSchema,
  sort: stageSortSchema.optional().describe("Position in lists, smaller first; after the last stage when omitted"),
});
export type CreateStageInput = z.input<typeof createStageSchema>;

export const updateStageSchema = createStageSchema.partial();
export type UpdateStageInput = z.input<typeof updateStageSchema>;

/** The console's form: the same fields as the create body. */
export const stageFormSchema = createStageSchema;

export const stageSchema = z.object({
  id: z.number().int().describe("Stage id (the stageId of event types)"),
  name: z.string().describe("Stage name"),
  sort: z.number().int().describe("Position in lists, smaller first"),
});
export type Stage = z.infer<typeof stageSchema>;

/** The console's stage list: each stage with what still uses it (a used stage cannot be deleted). */
export const stageWithUsageSchema = stageSchema.extend({
  eventTypeCount: z.number().int().describe("Event types moving customers to this stage (archived ones included)"),
  customerCount: z.number().int().describe("Customers at this stage"),
});
export type StageWithUsage = z.infer<typeof stageWithUsageSchema>;

export const stageIdParamsSchema = z.object({
  id: z.coerce.number({ error: "must be a stage id" }).int("must be a stage id").positive("must be a stage id"),
});
