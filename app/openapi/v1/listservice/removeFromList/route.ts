import { methodsOf } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { removeFromListAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { removeFromListQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: POST ?customerIds=1,2&listId= → {removed: n} (customers not in the list are skipped). */
const postHandler = listsRoute({ scopes: ["groups:write"], query: removeFromListQuerySchema }, ({ tenantId, query }) =>
  removeFromListAction(tenantId, query.listId, query.customerIds),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { POST: postHandler });
