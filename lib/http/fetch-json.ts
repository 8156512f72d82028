import type { ErrorDetail, ErrorKind, ErrorParams, Reason } from "@/lib/errors";

/** A failed console API call, carrying the `{error:{kind, reason, message, params, details}}` body of withSession. */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly details: ErrorDetail[];
  /** the domain's reason (lib/errors.ts REASONS), to word the error in the user's language */
  readonly reason?: Reason;
  readonly params: ErrorParams;

  constructor(
    status: number,
    kind: ErrorKind,
    message: string,
    details: ErrorDetail[] = [],
    extra: { reason?: Reason; params?: ErrorParams } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.kind = kind;
    this.details = details;
    this.reason = extra.reason;
    this.params = extra.params ?? {};
  }
}

interface ErrorBody {
  error?: { kind?: ErrorKind; reason?: Reason; message?: string; params?: ErrorParams; details?: ErrorDetail[] };
}

/**
 * fetch for react-query: sends and reads JSON, throws ApiError on a non-2xx answer.
 * `body` is JSON-encoded when it is not already a string.
 */
export async function fetchJson<T>(url: string, init: Omit<RequestInit, "body"> & { body?: unknown } = {}): Promise<T> {
  const { body, headers, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: unknown = text ? safeParse(text) : null;
  if (!res.ok) {
    const err = (parsed as ErrorBody | null)?.error;
    throw new ApiError(res.status, err?.kind ?? "internal", err?.message ?? `request failed (${res.status})`, err?.details ?? [], {
      reason: err?.reason,
      params: err?.params,
    });
  }
  return parsed as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
