import { ZodError } from "zod";
import { isDomainError as isReasonedError } from "@/lib/errors";

/** The small fixed set of failure kinds every dialect knows how to render. */
export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "internal";

export const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export interface ErrorDetail {
  /** a dotted path into the input, when the error is about one field */
  path?: string;
  message: string;
}

/**
 * The one error type services throw. `code` is an optional machine code a dialect may map to its
 * own table (the customers dialect's 2000/2005/…); `details` names offending fields.
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code?: string;
  readonly details: ErrorDetail[];
  /** seconds, for rate_limited */
  readonly retryAfter?: number;

  constructor(
    kind: ErrorKind,
    message: string,
    opts: { code?: string; details?: ErrorDetail[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
    this.code = opts.code;
    this.details = opts.details ?? [];
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return STATUS_OF[this.kind];
  }
}

export const invalid = (message: string, details?: ErrorDetail[], code?: string) =>
  new DomainError("invalid", message, { details, code });
export const notFound = (message: string, code?: string) => new DomainError("not_found", message, { code });
export const conflict = (message: string, code?: string) => new DomainError("conflict", message, { code });
export const forbidden = (message: string) => new DomainError("forbidden", message);
export const unauthorized = (message: string) => new DomainError("unauthorized", message);

function zodDetails(err: ZodError): ErrorDetail[] {
  return err.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join(".") : undefined,
    message: i.message,
  }));
}

/** "attrList.0.type: Invalid option…; name: Required" — a readable one-line summary. */
export function summarize(details: ErrorDetail[]): string {
  return details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
}

interface PrismaLikeError {
  code?: string;
  meta?: { target?: unknown; modelName?: string; cause?: string; driverAdapterError?: unknown };
  message?: string;
}

/** Maps anything thrown to a DomainError; unknown faults become a redacted `internal`. */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  // the domain's own error (lib/errors.ts), until every service throws it
  if (isReasonedError(err)) return new DomainError(err.kind, err.message, { details: err.details, code: err.reason, retryAfter: err.retryAfter });
  if (err instanceof ZodError) {
    const details = zodDetails(err);
    return new DomainError("invalid", summarize(details), { details });
  }
  const p = err as PrismaLikeError;
  if (p && typeof p === "object" && typeof p.code === "string") {
    if (p.code === "P2002") {
      const target = describeTarget(p.meta);
      return new DomainError("conflict", target ? `a record with this ${target} already exists` : "duplicate record");
    }
    if (p.code === "P2025") return new DomainError("not_found", "record not found");
    if (p.code === "P2003") return new DomainError("conflict", "the record is still referenced by other records");
  }
  if (err instanceof Error && /customer events are immutable/.test(err.message)) {
    return new DomainError("forbidden", "customer events are immutable");
  }
  return new DomainError("internal", "internal server error");
}

function describeTarget(meta: PrismaLikeError["meta"]): string | undefined {
  const target = meta?.target;
  if (Array.isArray(target)) return target.filter((t) => t !== "tenantId").join(", ");
  if (typeof target === "string") return target;
  const cause = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } })?.cause;
  const fields = cause?.constraint?.fields;
  if (Array.isArray(fields)) return fields.map((f) => f.replace(/"/g, "")).filter((f) => f !== "tenantId").join(", ");
  return undefined;
}
