import { z } from "zod";
import { dataFieldSchema } from "@/lib/custom-events/schemas";
import { MAX_SEGMENTS } from "@/lib/custom-events/trigger";

/** Seed 003's request bodies: the very schemas the routes validate with and the OpenAPI document shows. */

const int32 = (what: string) =>
  z
    .number({ error: `must be an integer (${what})` })
    .int(`must be an integer (${what})`)
    .min(1, "must be a positive integer")
    .max(2_147_483_647, "must fit in 32 bits");

const text = (max: number, what: string, pattern?: [RegExp, string]) => {
  let s = z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
  if (pattern) s = s.regex(pattern[0], pattern[1]);
  return s.optional().describe(what);
};

const customer = {
  customerId: z
    .preprocess((v) => (typeof v === "string" && /^\d{1,10}$/.test(v.trim()) ? Number(v) : v), int32("customerId"))
    .optional()
    .describe("The customer's id (highest priority)"),
  customerEmail: text(320, "E-mail address"),
  customerEmailMd5: text(32, "MD5 of the lower-cased e-mail", [/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters"]),
  customerEmailSha256: text(64, "SHA-256 of the lower-cased e-mail", [/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters"]),
  customerPhone: text(20, "Phone number"),
  customerCrmId: text(128, "The customer's CRM id (lowest priority)"),
};

const dataFields = z.array(dataFieldSchema).max(100, "at most 100 data fields").optional().describe("Extra data of the event, typed; checked against the custom event's fields");

export const triggerBodySchema = z
  .object({ customEventId: int32("customEventId").describe("The custom event's id"), ...customer, dataFields })
  .superRefine((b, ctx) => {
    if (![b.customerId, b.customerEmail, b.customerEmailMd5, b.customerEmailSha256, b.customerPhone, b.customerCrmId].some((v) => v !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["customerId"], message: "one of customerId, customerEmail, customerEmailMd5, customerEmailSha256, customerPhone, customerCrmId is required" });
    }
  });

export const segmentsBodySchema = z.object({
  customEventId: int32("customEventId").describe("The custom event's id"),
  segments: z
    .array(int32("segment id"), { error: "must be an array of segment ids" })
    .min(1, "must name at least one segment")
    .max(MAX_SEGMENTS, `must name at most ${MAX_SEGMENTS} segments`)
    .describe("Segment ids; their customers, each once, enter"),
  dataFields,
});

export const runsAnswerSchema = z.object({ runs: z.number().int().describe("How many active scenarios the customer entered") });
export const fanOutAnswerSchema = z.object({ fanOutId: z.number().int().describe("The queued fan-out; the worker expands it into runs") });
