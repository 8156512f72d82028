import { methodsOf } from "@/lib/http/with-api-key";
import { groupsDialect } from "@/lib/openapi/groups/envelope";
import { addGroupCustomersAction, listGroupCustomersAction, removeGroupCustomersAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupMembersBodySchema, groupNameParams, pageQuerySchema } from "@/lib/openapi/groups/wire";

/** groups dialect, a group's customers by name: GET ?offset=&limit= · POST [{name, groupName}] (add or move) · DELETE [{name, groupName}]. */
const getHandler = groupsRoute({ scopes: ["groups:read"], params: groupNameParams, query: pageQuerySchema }, ({ tenantId, params, query }) =>
  listGroupCustomersAction(tenantId, params.name, query),
);

const postHandler = groupsRoute({ scopes: ["groups:write"], params: groupNameParams, body: groupMembersBodySchema }, ({ tenantId, params, body }) =>
  addGroupCustomersAction(tenantId, params.name, body),
);

const deleteHandler = groupsRoute({ scopes: ["groups:write"], params: groupNameParams, body: groupMembersBodySchema }, ({ tenantId, params, body }) =>
  removeGroupCustomersAction(tenantId, params.name, body),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(groupsDialect, { GET: getHandler, POST: postHandler, DELETE: deleteHandler });
