import { authenticateCompositeKey } from "@/lib/access/api-keys";
import { appKeyOfComposite, json, retryHeaders, statusOfError, type Dialect } from "@/lib/http/dialect";

/** Seed 004: `{status:0, data:{total?, items}}`; errors `{status:<HTTP status>, message}`; header `bitkey`. */
export const groupsDialect: Dialect = {
  name: "groups",
  securityScheme: "groupsBitkey",
  authenticate: ({ req }) => authenticateCompositeKey(req.headers.get("bitkey")),
  appKeyOf: ({ req }) => appKeyOfComposite(req.headers.get("bitkey")),
  success: (data, _ctx, status) => json({ status: 0, data: data ?? null }, status),
  failure: (err) => json({ status: statusOfError(err), message: err.message }, statusOfError(err), retryHeaders(err)),
};
