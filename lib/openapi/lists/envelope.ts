import { authenticateToken } from "@/lib/access/api-keys";
import { json, retryHeaders, type Dialect } from "@/lib/http/dialect";

/** Seed 001 (DM Hub): the bare resource on success; `{error:{code, message}}` on failure. */
export const listsDialect: Dialect = {
  name: "lists",
  securityScheme: "listsAccessToken",
  authenticate: ({ url }) => authenticateToken(url.searchParams.get("access_token")),
  success: (data, _ctx, status) => json(data ?? {}, status),
  failure: (err) =>
    json(
      { error: { code: err.status, message: err.message, ...(err.details.length ? { details: err.details } : {}) } },
      err.status,
      retryHeaders(err),
    ),
};
