import { createListAction, listListsAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { createListBodySchema, listsQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: GET ?rows=&page=&sidx=&sord= (jqGrid page) · POST {name} (names need not be unique). */
export const GET = listsRoute({ scopes: ["groups:read"], query: listsQuerySchema }, ({ tenantId, query }) => listListsAction(tenantId, query));

export const POST = listsRoute({ scopes: ["groups:write"], body: createListBodySchema, status: 201 }, ({ tenantId, body }) =>
  createListAction(tenantId, body.name),
);
