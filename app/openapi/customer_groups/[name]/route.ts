import { methodsOf } from "@/lib/http/with-api-key";
import { groupsDialect } from "@/lib/openapi/groups/envelope";
import { deleteGroupAction, getGroupAction, renameGroupAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupBodySchema, groupNameParams } from "@/lib/openapi/groups/wire";

/** groups dialect, one group by its (URL-encoded) name: GET · PATCH/POST {name} (rename) · DELETE (only if empty). */
const getHandler = groupsRoute({ scopes: ["groups:read"], params: groupNameParams }, ({ tenantId, params }) => getGroupAction(tenantId, params.name));

const rename = groupsRoute({ scopes: ["groups:write"], params: groupNameParams, body: groupBodySchema }, ({ tenantId, params, body }) =>
  renameGroupAction(tenantId, params.name, body.name),
);
const patchHandler = rename;
const postHandler = rename;

const deleteHandler = groupsRoute({ scopes: ["groups:write"], params: groupNameParams }, ({ tenantId, params }) => deleteGroupAction(tenantId, params.name));

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(groupsDialect, { GET: getHandler, PATCH: patchHandler, POST: postHandler, DELETE: deleteHandler });
