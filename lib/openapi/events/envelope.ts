import { authenticateToken } from "@/lib/access/api-keys";
import { json, retryHeaders, type Dialect } from "@/lib/http/dialect";

/** Seed 000: `{code:0, msg:"success", data}`; errors `{code:-1, msg, data:null}`; header `token`. */
export const eventsDialect: Dialect = {
  name: "events",
  securityScheme: "eventsToken",
  authenticate: ({ req }) => authenticateToken(req.headers.get("token")),
  success: (data, _ctx, status) => json({ code: 0, msg: "success", data: data ?? null }, status),
  failure: (err) => json({ code: -1, msg: err.message, data: null }, err.status, retryHeaders(err)),
};
