import { authenticateCompositeKey } from "@/lib/access/api-keys";
import { appKeyOfComposite, json, type Dialect } from "@/lib/http/dialect";
import { statusOf, type RenderableError } from "@/lib/openapi/lists/domain-errors";

/**
 * Seed 004 (BitAnswer): `{status:0, data:{total?, items}}`; errors `{status:<the HTTP status>, message}`;
 * header `bitkey: <appKey>.<secret>`. The message names the offending field or item.
 */
export function groupsError(err: RenderableError): Response {
  const status = statusOf(err);
  return json({ status, message: err.message }, status, err.retryAfter ? { "retry-after": String(err.retryAfter) } : {});
}

export const groupsDialect: Dialect = {
  name: "groups",
  securityScheme: "groupsBitkey",
  authenticate: ({ req }) => authenticateCompositeKey(req.headers.get("bitkey")),
  appKeyOf: ({ req }) => appKeyOfComposite(req.headers.get("bitkey")),
  success: (data, _ctx, status) => json({ status: 0, data: data ?? null }, status),
  failure: (err) => groupsError(err),
};
