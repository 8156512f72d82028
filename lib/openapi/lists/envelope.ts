import { authenticateToken } from "@/lib/access/api-keys";
import { json, type Dialect } from "@/lib/http/dialect";
import { statusOf, type RenderableError } from "./domain-errors";

/**
 * Seed 001 (DM Hub): the bare resource on success; `{error:{code, message, details?}}` on failure,
 * `code` being the HTTP status and `details` naming the offending fields.
 */
export function listsError(err: RenderableError): Response {
  const status = statusOf(err);
  const details = err.details.map(({ path, message }) => ({ ...(path ? { path } : {}), message }));
  return json(
    { error: { code: status, message: err.message, ...(details.length ? { details } : {}) } },
    status,
    err.retryAfter ? { "retry-after": String(err.retryAfter) } : {},
  );
}

export const listsDialect: Dialect = {
  name: "lists",
  securityScheme: "listsAccessToken",
  authenticate: ({ url }) => authenticateToken(url.searchParams.get("access_token")),
  // the token exchange names its appKey as `appid`
  appKeyOf: ({ url }) => url.searchParams.get("appid") || undefined,
  success: (data, _ctx, status) => json(data ?? {}, status),
  failure: (err) => listsError(err),
};
