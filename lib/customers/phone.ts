import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { customerFormSchema, phoneNumberSchema } from "./schemas";

/**
 * The console's phone rule: a number must be a real phone number (libphonenumber-js, default
 * region CN), and is stored in E.164 (`13800138000` → `+8613800138000`). Only the console's routes
 * and its CSV import use it; the customers dialect under /openapi keeps its own format rules.
 */
export const DEFAULT_PHONE_REGION: CountryCode = "CN";

/** E.164 of a valid number, else null ("12345", letters, a number too short for its region). */
export function toE164(raw: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), region);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** A console phone: checked and turned into E.164; the issue names its reason for the console's wording. */
export const consolePhoneSchema = phoneNumberSchema.transform((raw, ctx) => {
  const e164 = toE164(raw);
  if (e164) return e164;
  ctx.addIssue({ code: "custom", message: "is not a valid phone number", params: { reason: "phone_invalid" } });
  return z.NEVER;
});

const consolePhones = z
  .array(z.object({ id: z.number().int().positive().nullable().optional(), number: consolePhoneSchema }))
  .max(20, "at most 20 phones")
  .optional()
  .describe("The complete list of phones; each must be a valid number (default region CN), stored in E.164");

/** POST /api/customers: the console form with the console's phone rule. */
export const consoleCustomerFormSchema = customerFormSchema.extend({ phones: consolePhones });
/** PATCH /api/customers/[id]. */
export const consoleCustomerPatchSchema = consoleCustomerFormSchema.partial();
