import { issueToken } from "@/lib/access/api-keys";
import { readJson, withDialect } from "@/lib/http/with-api-key";
import { tokenRequestSchema } from "@/lib/openapi/events/auth";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/** events dialect: appKey + secret → `{code:0, msg:"success", data:{token, expiresIn}}`. */
export const POST = withDialect(eventsDialect, async ({ req }) => {
  const { appKey, secret } = tokenRequestSchema.parse(await readJson(req));
  return issueToken(appKey, secret);
});
