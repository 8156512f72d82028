import { ZodError } from "zod";
import { DomainError, fail, isDomainError, summarize, type ErrorDetail } from "@/lib/errors";

/** A zod failure of an event body as the domain's `invalid_input`, naming each field. */
export function fromZod(err: ZodError): DomainError {
  const details: ErrorDetail[] = err.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join(".") : undefined,
    message: i.message,
  }));
  return fail("invalid_input", summarize(details), { details });
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
