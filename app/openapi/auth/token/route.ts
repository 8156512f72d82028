import { issueToken } from "@/lib/access/api-keys";
import { methodsOf, withDialect } from "@/lib/http/with-api-key";
import { tokenRequestSchema } from "@/lib/openapi/events/auth";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/**
 * events dialect: appKey + secret → `{code:0, msg:"success", data:{token, expiresIn}}`. Failed
 * attempts are throttled per appKey and client address (429 with Retry-After).
 */
const post = withDialect(eventsDialect, { body: tokenRequestSchema }, async ({ body, claimAppKey }) => {
  await claimAppKey(body.appKey);
  return issueToken(body.appKey, body.secret);
});

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
