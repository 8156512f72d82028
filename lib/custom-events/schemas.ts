import { z } from "zod";

/** Custom events (seed 003's customEventId): definitions and the typed data fields a trigger carries. */

export const DATA_FIELD_TYPES = ["String", "Text", "Number", "Money", "Date", "DateTime", "Boolean", "Url"] as const;
export type DataFieldType = (typeof DATA_FIELD_TYPES)[number];

export const fieldDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(100).describe("The data field's name, as triggers send it"),
  type: z.enum(DATA_FIELD_TYPES).describe("String, Text, Number, Money, Date, DateTime, Boolean or Url"),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export const createCustomEventSchema = z.object({
  id: z.number().int().positive().max(2_147_483_647).optional().describe("The customEventId integrators will send; the next free number when absent"),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  fields: z
    .array(fieldDefinitionSchema)
    .max(100)
    .default([])
    .refine((f) => new Set(f.map((x) => x.name)).size === f.length, "field names must be unique"),
});
export type CreateCustomEventInput = z.input<typeof createCustomEventSchema>;

export const listCustomEventsQuerySchema = z.object({ includeArchived: z.enum(["true", "false"]).optional() });

export const dataFieldSchema = z.object({
  name: z.string({ error: "must be a string" }).min(1, "is required").max(200, "must be at most 200 characters"),
  type: z.enum(DATA_FIELD_TYPES, { error: `must be one of ${DATA_FIELD_TYPES.join(", ")}` }),
  value: z.preprocess(
    (v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v),
    z.string({ error: "must be a string" }).max(4000, "must be at most 4000 characters"),
  ),
});
export type DataField = z.infer<typeof dataFieldSchema>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDate(y: string, m: string, d: string): boolean {
  const dt = new Date(Date.UTC(+y, +m - 1, +d));
  return +y >= 1900 && +y <= 2999 && dt.getUTCMonth() === +m - 1 && dt.getUTCDate() === +d;
}

/** Why `value` does not parse as `type`, or null. */
export function dataValueProblem(type: DataFieldType, value: string): string | null {
  const v = value.trim();
  switch (type) {
    case "String":
      return value.length > 255 ? "a String holds at most 255 characters" : null;
    case "Text":
      return null;
    case "Number":
      return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) ? null : `"${value}" is not a number`;
    case "Money":
      return /^[-+]?\d+(\.\d{1,4})?$/.test(v) ? null : `"${value}" is not an amount of money (digits, up to 4 decimals)`;
    case "Date": {
      const m = v.match(DATE);
      return m && validDate(m[1], m[2], m[3]) ? null : `"${value}" is not a date (yyyy-MM-dd)`;
    }
    case "DateTime": {
      const m = v.match(DATETIME);
      return m && validDate(m[1], m[2], m[3]) && +m[4] < 24 && +m[5] < 60 && +(m[7] ?? 0) < 60 ? null : `"${value}" is not a date-time (yyyy-MM-dd HH:mm:ss)`;
    }
    case "Boolean":
      return /^(true|false|1|0)$/i.test(v) ? null : `"${value}" is not a Boolean (true, false, 1, 0)`;
    case "Url":
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:" ? null : `"${value}" is not an http(s) URL`;
      } catch {
        return `"${value}" is not a URL`;
      }
  }
}
