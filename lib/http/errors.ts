import { ZodError } from "zod";
import { DomainError, summarize, type ErrorDetail, type ErrorKind } from "@/lib/errors";

/**
 * The one mapper from anything thrown to the domain's error (lib/errors.ts), and from an error kind
 * to an HTTP status. Dialects and the console render the result; no route catches errors by hand.
 */

export { DomainError, summarize, type ErrorDetail, type ErrorKind };

const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_allowed: 405,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export function statusOf(kind: ErrorKind): number {
  return STATUS_OF[kind];
}

function zodDetails(err: ZodError): ErrorDetail[] {
  return err.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join(".") : undefined,
    message: i.message,
  }));
}

interface PrismaLikeError {
  code?: string;
  meta?: { target?: unknown; modelName?: string; cause?: string; driverAdapterError?: unknown };
  message?: string;
}

/** Maps anything thrown to a DomainError; unknown faults become a redacted `internal`. */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof ZodError) {
    const details = zodDetails(err);
    return new DomainError("invalid_input", summarize(details), { details, cause: err });
  }
  const p = err as PrismaLikeError;
  if (p && typeof p === "object" && typeof p.code === "string") {
    if (p.code === "P2002") {
      const fields = uniqueFields(p.meta);
      const target = fields.join(", ");
      const message = target ? `a record with this ${target} already exists` : "duplicate record";
      return new DomainError("duplicate", message, {
        params: target ? { field: target } : {},
        details: fields.length ? fields.map((path) => ({ path, reason: "duplicate" as const, message })) : [],
        cause: err,
      });
    }
    if (p.code === "P2025") return new DomainError("not_found", "record not found", { cause: err });
    if (p.code === "P2003") return new DomainError("in_use", "the record is still referenced by other records", { cause: err });
  }
  if (err instanceof Error && /customer events are immutable/.test(err.message)) {
    return new DomainError("immutable", "customer events are immutable", { cause: err });
  }
  return new DomainError("internal", "internal server error", { cause: err });
}

/** The unique constraint's fields a P2002 names, without the tenant scope. */
export function uniqueFields(meta: PrismaLikeError["meta"]): string[] {
  const target = meta?.target;
  let fields: string[] = [];
  if (Array.isArray(target)) fields = target.map(String);
  else if (typeof target === "string") fields = [target];
  else {
    const cause = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } })?.cause;
    if (Array.isArray(cause?.constraint?.fields)) fields = cause.constraint.fields.map((f) => f.replace(/"/g, ""));
  }
  return fields.filter((f) => f !== "tenantId");
}
