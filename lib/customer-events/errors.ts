import { ZodError } from "zod";
import { DomainError, fail, isDomainError, REASONS, summarize, type ErrorDetail, type Reason } from "@/lib/errors";

const reasonOf = (params: unknown): Reason | undefined => {
  const r = (params as { reason?: unknown } | undefined)?.reason;
  return typeof r === "string" && r in REASONS ? (r as Reason) : undefined;
};

/**
 * A zod failure of an event body as a domain error naming each field: `invalid_input`, or the
 * reason the schema's refinements give (`params: {reason}`) when every issue shares it.
 */
export function fromZod(err: ZodError): DomainError {
  const details: ErrorDetail[] = err.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join(".") : undefined,
    reason: reasonOf((i as { params?: unknown }).params),
    message: i.message,
  }));
  const reasons = new Set(details.map((d) => d.reason));
  const [only] = reasons;
  return fail(reasons.size === 1 && only ? only : "invalid_input", summarize(details), { details });
}

/**
 * What one event's failure answers: the domain's own error as it is, a zod failure as invalid input,
 * anything else (a fault inside the database) as a redacted internal error that keeps its cause.
 */
export function eventFailure(err: unknown): DomainError {
  if (isDomainError(err)) return err;
  if (err instanceof ZodError) return fromZod(err);
  return fail("internal", "the event could not be recorded", { cause: err });
}
