import { z } from "zod";
import { isCalendarDate, isWallClock } from "./time";

/**
 * Customer events in the domain's words: what recording one takes (`eventKey`, `attributes`), what a
 * query of a customer's events takes, and the field validators both the events dialect
 * (lib/openapi/events/customer-events.ts) and the console build their bodies from, so every client
 * validates alike. Wire names and wording live in the dialect.
 */

export { ATTRIBUTE_TYPES, canonicalAttributeType, type AttributeType } from "@/lib/event-types/attribute-types";

export const MAX_BATCH_EVENTS = 1000;
export const MAX_ATTRIBUTES = 100;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_NUM = 1_000_000;

const SOURCE_FIELDS = ["source", "source1", "source2", "source3", "source4", "source5", "source6", "source7", "source8"] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];
export const GEO_FIELDS = ["province", "city", "district", "latitude", "longitude"] as const;
/** Where an event came from and where it happened: free text kept as given. */
export const CONTEXT_FIELDS = [...SOURCE_FIELDS, ...GEO_FIELDS] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

/** The customer an event is about: its id, or one of its identities (built-in or custom type). */
export interface CustomerRef {
  customerId?: number;
  identityType?: string;
  identityValue?: string;
}

/** One attribute value as given, checked against the event type's declaration when recorded. */
export interface AttributeValueInput {
  attrKey: string;
  attrValue: string;
  /** the type the caller says the value has; the declared one when absent */
  type?: string;
}

/** What recordEvent takes; times are the tenant's wall-clock strings ("yyyy-MM-dd HH:mm:ss"). */
export type RecordEventInput = CustomerRef & {
  eventKey: string;
  eventName?: string;
  eventValue?: string;
  happenTime: string;
  scheduledTime?: string;
  attributes: AttributeValueInput[];
  /** an idempotency key: the same one again for the tenant writes nothing */
  eventId?: string;
} & Partial<Record<ContextField, string>>;

/** What queryCustomerEvents takes: bounds are wall-clock times or bare dates (a date covers its day). */
export type QueryCustomerEventsInput = CustomerRef & {
  eventKey?: string;
  startTime?: string;
  endTime?: string;
  pageNum: number;
  pageSize: number;
};

// ─── Field validators (messages are fragments: the summary prefixes each with its field) ───────

/** Absent, null and "" all mean "not given" for the optional fields. */
export const blankToUndefined = (v: unknown) => (v === null || v === "" ? undefined : v);

export const required = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? `required, ${what}` : `must be ${what}`);

/** A string field that integrators also send as a number (ids, coordinates, amounts). */
export const looseString = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v),
    z.string({ error: "must be a string" }).trim().max(max, `longer than ${max} characters`),
  );

/** Optional text: absent, null, "" and all-blank are all "not given" (never stored as ""). */
export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, looseString(max).optional()).transform((v) => (v === "" ? undefined : v));

const TIME_FORM = 'a time "yyyy-MM-dd HH:mm:ss"';
export const wallClock = () =>
  z
    .string({ error: required(TIME_FORM) })
    .trim()
    .refine(isWallClock, {
      message: 'must be a valid time "yyyy-MM-dd HH:mm:ss" (in the tenant\'s time zone, years 1900 to 2999)',
      params: { reason: "invalid_time" },
    });

export const coordinate = (limit: number) =>
  z.preprocess(
    blankToUndefined,
    looseString(32)
      .refine((v) => /^[-+]?\d+(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= limit, {
        message: `must be a number between -${limit} and ${limit}`,
      })
      .optional(),
  );

export const customerIdField = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
  z
    .number({ error: "must be a positive integer" })
    .int("must be a positive integer")
    .positive("must be a positive integer")
    .max(2_147_483_647, "is too large")
    .optional(),
);

/** `customerId` wins; otherwise both identity fields are needed. */
export function requireCustomer(v: CustomerRef, ctx: z.RefinementCtx) {
  if (v.customerId !== undefined) return;
  if (v.identityType && v.identityValue) return;
  if (v.identityType) ctx.addIssue({ code: "custom", message: "required with identityType", path: ["identityValue"] });
  else if (v.identityValue) ctx.addIssue({ code: "custom", message: "required with identityValue", path: ["identityType"] });
  else ctx.addIssue({ code: "custom", message: "customerId or identityType + identityValue is required", path: [] });
}

export const eventKeyField = z
  .string({ error: required("an event type key") })
  .trim()
  .min(1, "required")
  .max(128, "longer than 128 characters");

export const attributeFields = {
  attrKey: z.string({ error: required("a string") }).trim().min(1, "required").max(128, "longer than 128 characters"),
  attrValue: z.preprocess(
    (v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v),
    z.string({ error: required("a string") }).max(4000, "longer than 4000 characters"),
  ),
  type: z.preprocess(blankToUndefined, z.string({ error: "must be a string" }).max(16, "is not one of text, value, Date, DateTime").optional()),
};

export const pageNumber = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z
      .number({ error: "must be an integer" })
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(max, `must be at most ${max}`)
      .optional(),
  );

/** A query bound: a wall-clock time or a bare date. */
export const timeBound = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: "must be a string" })
      .trim()
      .refine((v) => isWallClock(v) || isCalendarDate(v), {
        message: 'must be "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd" (years 1900 to 2999)',
        params: { reason: "invalid_time" },
      })
      .optional(),
  );

// ─── Who recorded ───────────────────────────────────────────────────────────────────────────────

/** Who recorded an event, stored as "apikey:<id>" / "user:<id>" in CustomerEvent.recordedBy. */
export interface EventActor {
  type: "user" | "apikey" | "system";
  id: number | null;
}

export function recordedByOf(actor: EventActor): string | null {
  return actor.type === "system" ? "system" : actor.id == null ? actor.type : `${actor.type}:${actor.id}`;
}
