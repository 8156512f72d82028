import { createGroupAction, listGroupsAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupBodySchema, pageQuerySchema } from "@/lib/openapi/groups/wire";

/** groups dialect: GET ?offset=&limit= (all groups) · POST {name} (create; skipped if the name exists). */
export const GET = groupsRoute({ scopes: ["groups:read"], query: pageQuerySchema }, ({ tenantId, query }) => listGroupsAction(tenantId, query));

export const POST = groupsRoute({ scopes: ["groups:write"], body: groupBodySchema }, ({ tenantId, body }) => createGroupAction(tenantId, body.name));
