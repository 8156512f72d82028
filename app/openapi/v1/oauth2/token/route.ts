import { methodsOf } from "@/lib/http/with-api-key";
import { issueToken } from "@/lib/access/api-keys";
import { withDialect } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { oauth2TokenQuerySchema, toOauth2Token } from "@/lib/openapi/lists/token";

/** lists dialect: `?grant_type=client_credentials&appid=&secret=` → `{access_token, expires_in}`. */
const getHandler = withDialect(listsDialect, { query: oauth2TokenQuerySchema }, async ({ query }) =>
  toOauth2Token(await issueToken(query.appid, query.secret)),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { GET: getHandler });
