import { methodsOf } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { createListAction, listListsAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { createListBodySchema, listsQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: GET ?rows=&page=&sidx=&sord= (jqGrid page) · POST {name} (names need not be unique). */
const getHandler = listsRoute({ scopes: ["groups:read"], query: listsQuerySchema }, ({ tenantId, query }) => listListsAction(tenantId, query));

const postHandler = listsRoute({ scopes: ["groups:write"], body: createListBodySchema, status: 201 }, ({ tenantId, body }) =>
  createListAction(tenantId, body.name),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { GET: getHandler, POST: postHandler });
