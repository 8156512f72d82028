import { z } from "zod";

/**
 * Shared pieces of the events dialect's wire format (seed 000): the envelopes as schemas (for the
 * OpenAPI document), the optional `data` wrapper of request bodies, and the 0/1 flags.
 */

export const eventsErrorSchema = z
  .object({
    code: z.literal(-1),
    msg: z.string().describe("What went wrong, naming the offending field, e.g. \"stageId: is required\""),
    data: z.null(),
  })
  .meta({ id: "EventsError", description: "The events dialect's error envelope; the HTTP status tells the kind (400, 401, 403, 404, 409, 413, 429)" });

export function eventsSuccessSchema<T extends z.ZodType>(data: T) {
  return z.object({
    code: z.literal(0).describe("0 = success"),
    msg: z.literal("success"),
    data,
  });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Seed 000's body table wraps the fields in `code/msg/data` (a copy of the response table); API
 * decisions say to accept both. The fields are read from `data` when `data` is an object and none
 * of the fields is at the top level; otherwise from the top level.
 */
export function acceptDataWrapper<T extends z.ZodObject>(fields: T) {
  const names = Object.keys(fields.shape);
  return z.preprocess((body) => {
    if (isPlainObject(body) && isPlainObject(body.data) && !names.some((n) => n in body)) return body.data;
    return body;
  }, fields);
}

/** How the OpenAPI document shows a body that `acceptDataWrapper` reads: the fields, or them in `data`. */
export function documentDataWrapper<T extends z.ZodType>(fields: T) {
  return z.union([
    fields,
    z
      .object({
        code: z.number().int().optional().describe("ignored"),
        msg: z.string().optional().describe("ignored"),
        data: fields,
      })
      .describe("The same fields wrapped in `data`, as the seed's body table shows them"),
  ]);
}

/** `isInteract`: the string "0" (interactive) or "1" (not); the numbers 0 and 1 are accepted too. */
export const isInteractWireSchema = z
  .preprocess(
    (v) => (v === 0 || v === 1 ? String(v) : v),
    z.enum(["0", "1"], {
      error: (iss) => (iss.input === undefined ? "is required" : 'must be "0" (interactive) or "1" (not interactive)'),
    }),
  )
  .describe('"0" = an interactive event (互动行为), "1" = not');

/** `showInFlow`: 0 or 1 (the strings "0" and "1" are accepted too). */
export const showInFlowWireSchema = z
  .preprocess(
    (v) => (v === "0" || v === "1" ? Number(v) : v),
    z.enum({ hide: 0, show: 1 }, { error: (iss) => (iss.input === undefined ? "is required" : "must be 0 (hide) or 1 (show)") }),
  )
  .describe("1 = offered by default in the automation editor (listCustomerEventToFlows), 0 = not");

/** A JSON object body, with a clear message when it is something else. */
export function wireObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.object(shape, { error: (iss) => (iss.input === undefined ? "a JSON body is required" : "the body must be a JSON object") });
}
