import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/**
 * Per-tenant option lists of the customer profile: customer type (客户类型), deal flag (客户状态 /
 * 行销结果) and source (客户来源). The customers dialect names an option by its `name`; its
 * `value` is the code filter_customers lists beside it.
 */
export const OPTION_LISTS = ["custType", "dealFlag", "custFrom"] as const;
export type OptionList = (typeof OPTION_LISTS)[number];
export const optionListSchema = z.enum(OPTION_LISTS).describe("custType | dealFlag | custFrom");

export interface OptionItem {
  id: number;
  list: OptionList;
  name: string;
  value: string;
  sort: number;
}

export type OptionLists = Record<OptionList, OptionItem[]>;

export const createOptionSchema = z.object({
  list: optionListSchema,
  name: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(50, "must be at most 50 characters")
    .describe("The option as integrators and marketers see it, unique within its list, e.g. 签约客户"),
  value: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(20, "must be at most 20 characters")
    .optional()
    .describe("Its code, unique within its list; the next free integer when omitted"),
  sort: z.number({ error: expected("an integer") }).int().min(0).max(1_000_000).optional(),
});
export type CreateOptionInput = z.input<typeof createOptionSchema>;

/** An option named by id (console forms) or by name (the customers dialect). */
export type OptionRef = { id: number } | { name: string };

/** PATCH /api/options/[id]: rename, recode or re-sort an option; its list never changes. */
export const updateOptionSchema = createOptionSchema.omit({ list: true }).partial();
export type UpdateOptionInput = z.input<typeof updateOptionSchema>;

/** The console's form of one option (add and rename). */
export const optionFormSchema = createOptionSchema;
