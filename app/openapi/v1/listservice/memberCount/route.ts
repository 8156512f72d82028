import { methodsOf } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { memberCountAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { memberCountQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: GET ?listId=&joinListDateSince=&joinListDateTo= (UTC, both ends included) → {count: n}. */
const getHandler = listsRoute({ scopes: ["groups:read"], query: memberCountQuerySchema }, ({ tenantId, query }) =>
  memberCountAction(tenantId, query),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { GET: getHandler });
