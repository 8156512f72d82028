import { authenticateToken } from "@/lib/access/api-keys";
import { json, retryHeaders, statusOfError, type Dialect } from "@/lib/http/dialect";

/** Seed 001 (DM Hub): the bare resource on success; `{error:{code, message}}` on failure. */
export const listsDialect: Dialect = {
  name: "lists",
  securityScheme: "listsAccessToken",
  authenticate: ({ url }) => authenticateToken(url.searchParams.get("access_token")),
  // the token exchange names its appKey as `appid`
  appKeyOf: ({ url }) => url.searchParams.get("appid") || undefined,
  success: (data, _ctx, status) => json(data ?? {}, status),
  failure: (err) =>
    json(
      { error: { code: statusOfError(err), message: err.message, ...(err.details.length ? { details: err.details.map(({ path, message }) => ({ path, message })) } : {}) } },
      statusOfError(err),
      retryHeaders(err),
    ),
};
