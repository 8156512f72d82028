import { authenticateCompositeKey } from "@/lib/access/api-keys";
import { retryHeaders, type Dialect } from "@/lib/http/dialect";
import type { ErrorKind } from "@/lib/http/errors";

/** Seed 003: 201 Created on success; RFC 7807 problem details with `substatus` and `errors[]`. */
const TITLES: Record<ErrorKind, [title: string, substatus: string, section: string]> = {
  invalid: ["Bad Request", "InvalidModelState", "15.5.1"],
  unauthorized: ["Unauthorized", "Unauthorized", "15.5.2"],
  forbidden: ["Forbidden", "Forbidden", "15.5.4"],
  not_found: ["Not Found", "NotFound", "15.5.5"],
  conflict: ["Conflict", "Conflict", "15.5.10"],
  too_large: ["Content Too Large", "PayloadTooLarge", "15.5.14"],
  rate_limited: ["Too Many Requests", "TooManyRequests", "6.3 of RFC 6585"],
  internal: ["Internal Server Error", "InternalError", "15.6.1"],
};

export const scenariosDialect: Dialect = {
  name: "scenarios",
  securityScheme: "scenariosApiKey",
  authenticate: ({ req }) => authenticateCompositeKey(req.headers.get("x-api-key")),
  success: (data, _ctx, status) =>
    data === undefined || data === null
      ? new Response(null, { status })
      : new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json; charset=utf-8" } }),
  failure: (err, ctx) => {
    const [title, substatus, section] = TITLES[err.kind];
    const body = {
      type: section.includes("RFC") ? "https://www.rfc-editor.org/rfc/rfc6585#section-4" : `https://www.rfc-editor.org/rfc/rfc9110#section-${section}`,
      title,
      status: err.status,
      substatus: err.code ?? substatus,
      detail: err.message,
      instance: ctx.url.pathname,
      ...(err.kind === "invalid" ? { errors: err.details.length ? err.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)) : [err.message] } : {}),
    };
    return new Response(JSON.stringify(body), {
      status: err.status,
      headers: { "content-type": "application/problem+json; charset=utf-8", ...retryHeaders(err) },
    });
  },
};
