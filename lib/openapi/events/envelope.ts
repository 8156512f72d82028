import { authenticateToken } from "@/lib/access/api-keys";
import { json, retryHeaders, statusOfError, type Dialect } from "@/lib/http/dialect";

/**
 * Seed 000: `{code:0, msg:"success", data}`; errors `{code:-1, msg, data:null}`; header `token`.
 * `msg` is the domain error's plain English message (the seed has no code table of its own).
 */
export const eventsDialect: Dialect = {
  name: "events",
  securityScheme: "eventsToken",
  authenticate: ({ req }) => authenticateToken(req.headers.get("token")),
  success: (data, _ctx, status) => json({ code: 0, msg: "success", data: data ?? null }, status),
  failure: (err) => json({ code: -1, msg: err.message, data: null }, statusOfError(err), retryHeaders(err)),
};
