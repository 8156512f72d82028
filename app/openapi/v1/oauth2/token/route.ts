import { issueToken } from "@/lib/access/api-keys";
import { queryObject, withDialect } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { oauth2TokenQuerySchema, toOauth2Token } from "@/lib/openapi/lists/token";

/** lists dialect: `?grant_type=client_credentials&appid=&secret=` → `{access_token, expires_in}`. */
export const GET = withDialect(listsDialect, async ({ url }) => {
  const { appid, secret } = oauth2TokenQuerySchema.parse(queryObject(url));
  return toOauth2Token(await issueToken(appid, secret));
});
