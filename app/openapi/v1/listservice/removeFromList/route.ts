import { removeFromListAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { removeFromListQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: POST ?customerIds=1,2&listId= → {removed: n} (customers not in the list are skipped). */
export const POST = listsRoute({ scopes: ["groups:write"], query: removeFromListQuerySchema }, ({ tenantId, query }) =>
  removeFromListAction(tenantId, query.listId, query.customerIds),
);
