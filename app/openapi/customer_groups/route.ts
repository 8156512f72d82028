import { methodsOf } from "@/lib/http/with-api-key";
import { groupsDialect } from "@/lib/openapi/groups/envelope";
import { createGroupAction, listGroupsAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupBodySchema, pageQuerySchema } from "@/lib/openapi/groups/wire";

/** groups dialect: GET ?offset=&limit= (all groups) · POST {name} (create; skipped if the name exists). */
const getHandler = groupsRoute({ scopes: ["groups:read"], query: pageQuerySchema }, ({ tenantId, query }) => listGroupsAction(tenantId, query));

const postHandler = groupsRoute({ scopes: ["groups:write"], body: groupBodySchema }, ({ tenantId, body }) => createGroupAction(tenantId, body.name));

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(groupsDialect, { GET: getHandler, POST: postHandler });
