import { addGroupCustomersAction, listGroupCustomersAction, removeGroupCustomersAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupMembersBodySchema, groupNameFromPath, pageQuerySchema } from "@/lib/openapi/groups/wire";

/** groups dialect, a group's customers by name: GET ?offset=&limit= · POST [{name, groupName}] (add or move) · DELETE [{name, groupName}]. */
export const GET = groupsRoute({ scopes: ["groups:read"], query: pageQuerySchema }, ({ tenantId, url, query }) =>
  listGroupCustomersAction(tenantId, groupNameFromPath(url), query),
);

export const POST = groupsRoute({ scopes: ["groups:write"], body: groupMembersBodySchema }, ({ tenantId, url, body }) =>
  addGroupCustomersAction(tenantId, groupNameFromPath(url), body),
);

export const DELETE = groupsRoute({ scopes: ["groups:write"], body: groupMembersBodySchema }, ({ tenantId, url, body }) =>
  removeGroupCustomersAction(tenantId, groupNameFromPath(url), body),
);
