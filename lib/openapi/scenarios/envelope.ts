import { authenticateCompositeKey } from "@/lib/access/api-keys";
import { appKeyOfComposite, retryHeaders, statusOfError, type Dialect } from "@/lib/http/dialect";
import type { ErrorKind, Reason } from "@/lib/errors";

/** Seed 003: 201 Created on success; RFC 7807 problem details with `substatus` and `errors[]`. */
const TITLES: Record<ErrorKind, [title: string, substatus: string, section: string]> = {
  invalid: ["Bad Request", "InvalidModelState", "15.5.1"],
  unauthorized: ["Unauthorized", "Unauthorized", "15.5.2"],
  forbidden: ["Forbidden", "Forbidden", "15.5.4"],
  not_found: ["Not Found", "NotFound", "15.5.5"],
  not_allowed: ["Method Not Allowed", "MethodNotAllowed", "15.5.6"],
  conflict: ["Conflict", "Conflict", "15.5.10"],
  too_large: ["Content Too Large", "PayloadTooLarge", "15.5.14"],
  rate_limited: ["Too Many Requests", "TooManyRequests", "6.3 of RFC 6585"],
  internal: ["Internal Server Error", "InternalError", "15.6.1"],
};

/** Reasons that say no more than their kind: their substatus is the kind's. */
const GENERIC = new Set<Reason>(["invalid_input", "not_found", "duplicate", "rate_limited", "internal", "malformed_json"]);

/** `customer_not_found` → `CustomerNotFound`; a generic reason keeps its kind's substatus. */
export function substatusOf(reason: Reason, kind: ErrorKind): string {
  if (GENERIC.has(reason)) return TITLES[kind][1];
  return reason.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
}

export const scenariosDialect: Dialect = {
  name: "scenarios",
  securityScheme: "scenariosApiKey",
  authenticate: ({ req }) => authenticateCompositeKey(req.headers.get("x-api-key")),
  appKeyOf: ({ req }) => appKeyOfComposite(req.headers.get("x-api-key")),
  success: (data, _ctx, status) =>
    data === undefined || data === null
      ? new Response(null, { status })
      : new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json; charset=utf-8" } }),
  failure: (err, ctx) => {
    const [title, , section] = TITLES[err.kind];
    const status = statusOfError(err);
    const body = {
      type: section.includes("RFC") ? "https://www.rfc-editor.org/rfc/rfc6585#section-4" : `https://www.rfc-editor.org/rfc/rfc9110#section-${section}`,
      title,
      status,
      substatus: substatusOf(err.reason, err.kind),
      detail: err.message,
      instance: ctx.url.pathname,
      ...(err.kind === "invalid" ? { errors: err.details.length ? err.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)) : [err.message] } : {}),
    };
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/problem+json; charset=utf-8", ...retryHeaders(err) },
    });
  },
};
