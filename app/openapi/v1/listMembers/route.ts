import { methodsOf } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { addListMemberAction, listMembersAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { listMemberBodySchema, listMembersQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: GET ?listId=&customerId=&sinceId=&rows=&sidx=&sord= (keyset) · POST {data:{customerId, listId}}. */
const getHandler = listsRoute({ scopes: ["groups:read"], query: listMembersQuerySchema }, ({ tenantId, query }) =>
  listMembersAction(tenantId, query),
);

const postHandler = listsRoute({ scopes: ["groups:write"], body: listMemberBodySchema }, ({ tenantId, body }) =>
  addListMemberAction(tenantId, body.data),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { GET: getHandler, POST: postHandler });
