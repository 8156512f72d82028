import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";

/** What each status means in every dialect (API decisions: real status codes, the dialect's envelope). */
export const STATUS_MEANING: Record<number, string> = {
  400: "Bad input: malformed JSON, a missing or wrong-typed field, a reference to something that does not exist; the message names the field",
  401: "Missing, invalid or expired credential",
  403: "The API key lacks the route's scope",
  404: "Unknown resource",
  409: "Conflict with the current state (a duplicate key, an archived resource…)",
  413: "Body larger than 1 MiB",
  429: "Rate limit of the API key exceeded; see Retry-After",
  500: "A fault on our side (details are logged, not returned)",
};

/** A JSON response. */
export function jsonResponse(schema: z.ZodType, description: string): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

/** The error responses of a route, each in the dialect's error envelope. */
export function errorResponses(
  schema: z.ZodType,
  statuses: number[],
  overrides: Record<number, string> = {},
): Record<string, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((status) => [String(status), jsonResponse(schema, overrides[status] ?? STATUS_MEANING[status] ?? "Error")]),
  );
}

/** The errors of any authenticated route: credential, scope, size, rate, fault. */
export const AUTHENTICATED_ERRORS = [400, 401, 403, 429, 500];
