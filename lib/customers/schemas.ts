import { z } from "zod";
import type { CustomFieldEntry } from "@/lib/custom-fields/schemas";
import { labelNameSchema } from "@/lib/labels/schemas";
import type { OptionRef } from "@/lib/options/schemas";
import { expected } from "@/lib/validation/messages";

/**
 * The customer profile's field schemas, shared by the console's forms and the customers dialect's
 * wire schema (lib/openapi/customers/wire-schemas.ts), and the domain's change set.
 */

export const TEXT_MAX = 255;

export const customerNameSchema = z
  .string({ error: expected("a string") })
  .trim()
  .min(1, "is required")
  .max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`)
  .describe("The customer's name (custname)");

/** An optional text of at most 255 characters; "" means empty (stored as null). */
export const optionalText = (what: string, max = TEXT_MAX) =>
  z
    .string({ error: expected("a string") })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional()
    .describe(what);

/** Digits with an optional leading +, after removing spaces, dashes, dots and parentheses. */
export const PHONE_PATTERN = /^\+?\d{3,20}$/;

export const phoneNumberSchema = z
  .string({ error: expected("a string") })
  .trim()
  .min(1, "is required")
  .max(40, "must be at most 40 characters")
  .describe("A phone number; spaces, dashes, dots and parentheses are ignored");

export const emailSchema = z
  .string({ error: expected("a string") })
  .trim()
  .max(320, "must be at most 320 characters")
  .refine((s) => s === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), "must be an e-mail address")
  .transform((s) => (s === "" ? null : s))
  .describe("E-mail address, unique within the tenant; stored lower-cased, with MD5 and SHA-256 digests");

export const crmIdSchema = z
  .string({ error: expected("a string") })
  .trim()
  .max(128, "must be at most 128 characters")
  .transform((s) => (s === "" ? null : s))
  .describe("The customer's id in the integrator's CRM, unique within the tenant");

/** Identity types with a column of their own (or lookups of their own): never custom identities. */
export const RESERVED_IDENTITY_TYPES = ["id", "phone", "cellphone", "email", "emailMd5", "emailSha256", "crmId"];

export const identityInputSchema = z.object({
  type: z
    .string({ error: expected("a string") })
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,49}$/, "must start with a letter and have at most 50 letters, digits, _ . : or -")
    .refine((t) => !RESERVED_IDENTITY_TYPES.includes(t), "is a built-in identity type: use its own field")
    .describe("Custom identity type, e.g. wechatOpenId"),
  value: z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`)
    .describe("Identity value, unique within the tenant and type"),
});
export type IdentityInput = z.infer<typeof identityInputSchema>;

const idSchema = z.number({ error: expected("an integer id") }).int("must be an integer id").positive("must be an integer id");

/**
 * What a create or an update sets. An absent field is left as it is; null clears it. References
 * come by id (console) or by the dialect's names (option names, the owner's login number).
 */
export interface CustomerChanges {
  name?: string;
  email?: string | null;
  crmId?: string | null;
  address?: string | null;
  companyName?: string | null;
  companyId?: string | null;
  lastAccept?: string | null;
  type?: OptionRef | null;
  dealFlag?: OptionRef | null;
  source?: OptionRef | null;
  taskId?: number | null;
  owner?: { id: number } | { loginNo: string } | null;
  departmentId?: number | null;
  stageId?: number | null;
  score?: number;
  assignTime?: Date | null;
  /** the complete list of phones: an entry with an id keeps (or renumbers) that phone */
  phones?: { id: number | null; number: string }[];
  /** the complete list of custom identities */
  identities?: IdentityInput[];
  /** the complete list of label names; unknown names become new labels */
  labels?: string[];
  /** values of the fields named; fields not named keep their values */
  customFields?: CustomFieldEntry[];
}

// ─── Console forms ───────────────────────────────────────────────────────────────────────────

const ref = (what: string) => idSchema.nullable().optional().describe(what);

export const customerFormSchema = z.object({
  name: customerNameSchema,
  email: emailSchema.nullable().optional(),
  crmId: crmIdSchema.nullable().optional(),
  address: optionalText("Contact address"),
  companyName: optionalText("Company name"),
  companyId: optionalText("The company's own number (companyId of the customers API)"),
  lastAccept: optionalText("The latest call's serial number"),
  typeId: ref("Customer type (option of the custType list)"),
  dealFlagId: ref("Deal flag (option of the dealFlag list)"),
  sourceId: ref("Source (option of the custFrom list)"),
  taskId: ref("Task"),
  ownerId: ref("Owning staff member (user id); needs a departmentId the user belongs to"),
  departmentId: ref("Department"),
  stageId: ref("Lifecycle stage"),
  score: z.number({ error: expected("an integer") }).int("must be an integer").min(-1_000_000_000).max(1_000_000_000).optional(),
  assignTime: z.iso
    .datetime({ offset: true, error: "must be an ISO date-time with an offset" })
    .transform((s) => new Date(s))
    .nullable()
    .optional()
    .describe("When the customer was assigned to its owner"),
  phones: z
    .array(z.object({ id: idSchema.nullable().optional().describe("An existing phone's id"), number: phoneNumberSchema }))
    .max(20, "at most 20 phones")
    .optional()
    .describe("The complete list of phones"),
  labels: z.array(labelNameSchema).max(50, "at most 50 labels").optional().describe("Label names; new names become labels"),
  customFields: z
    .record(z.string().regex(/^\d+$/, "must be a custom field id"), z.union([z.string(), z.number(), z.null()]))
    .optional()
    .describe("Custom field values by field id; null clears one"),
  identities: z.array(identityInputSchema).max(20, "at most 20 identities").optional().describe("The complete list of custom identities"),
});
export type CustomerFormInput = z.input<typeof customerFormSchema>;
export type CustomerForm = z.output<typeof customerFormSchema>;

/** PATCH: any subset of the form's fields. */
export const customerPatchSchema = customerFormSchema.partial();
export type CustomerPatchInput = z.input<typeof customerPatchSchema>;

const optionRef = (id: number | null | undefined): OptionRef | null | undefined => (id == null ? id : { id });

/** The console form (or a patch of it) as a change set. */
export function formToChanges(form: z.output<typeof customerPatchSchema>): CustomerChanges {
  return {
    name: form.name,
    email: form.email,
    crmId: form.crmId,
    address: form.address,
    companyName: form.companyName,
    companyId: form.companyId,
    lastAccept: form.lastAccept,
    type: optionRef(form.typeId),
    dealFlag: optionRef(form.dealFlagId),
    source: optionRef(form.sourceId),
    taskId: form.taskId,
    owner: form.ownerId == null ? form.ownerId : { id: form.ownerId },
    departmentId: form.departmentId,
    stageId: form.stageId,
    score: form.score,
    assignTime: form.assignTime,
    phones: form.phones?.map((p) => ({ id: p.id ?? null, number: p.number })),
    identities: form.identities,
    labels: form.labels,
    customFields: form.customFields
      ? Object.entries(form.customFields).map(([id, value]) => ({
          fieldId: Number(id),
          key: id,
          value: value == null ? null : String(value),
        }))
      : undefined,
  };
}

// ─── Console list ────────────────────────────────────────────────────────────────────────────

export const CUSTOMER_SORTS = ["name", "createdAt", "score", "updatedAt"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const queryId = z.coerce.number({ error: "must be an id" }).int("must be an id").positive("must be an id").optional();

export const customerListQuerySchema = z.object({
  page: z.coerce.number({ error: "must be a page number" }).int().min(1, "must be 1 or more").default(1),
  pageSize: z.coerce.number({ error: "must be a number" }).int().min(1).max(100, "must be at most 100").default(25),
  sort: z.enum(CUSTOMER_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  q: z.string().trim().max(100).optional().describe("Name or phone contains"),
  taskId: queryId,
  ownerId: queryId,
  typeId: queryId,
  dealFlagId: queryId,
  sourceId: queryId,
  stageId: queryId,
  labelId: queryId,
  departmentId: queryId,
  groupId: queryId.describe("Members of this group"),
});
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;

export const customerIdParamsSchema = z.object({
  id: z.coerce.number({ error: "must be a customer id" }).int("must be a customer id").positive("must be a customer id"),
});
