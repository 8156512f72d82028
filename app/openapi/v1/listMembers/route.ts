import { addListMemberAction, listMembersAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { listMemberBodySchema, listMembersQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: GET ?listId=&customerId=&sinceId=&rows=&sidx=&sord= (keyset) · POST {data:{customerId, listId}}. */
export const GET = listsRoute({ scopes: ["groups:read"], query: listMembersQuerySchema }, ({ tenantId, query }) =>
  listMembersAction(tenantId, query),
);

export const POST = listsRoute({ scopes: ["groups:write"], body: listMemberBodySchema }, ({ tenantId, body }) =>
  addListMemberAction(tenantId, body.data),
);
