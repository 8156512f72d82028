import { deleteGroupAction, getGroupAction, renameGroupAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupBodySchema, groupNameFromPath } from "@/lib/openapi/groups/wire";

/** groups dialect, one group by its (URL-encoded) name: GET · PATCH/POST {name} (rename) · DELETE (only if empty). */
export const GET = groupsRoute({ scopes: ["groups:read"] }, ({ tenantId, url }) => getGroupAction(tenantId, groupNameFromPath(url)));

const rename = groupsRoute({ scopes: ["groups:write"], body: groupBodySchema }, ({ tenantId, url, body }) =>
  renameGroupAction(tenantId, groupNameFromPath(url), body.name),
);
export const PATCH = rename;
export const POST = rename;

export const DELETE = groupsRoute({ scopes: ["groups:write"] }, ({ tenantId, url }) => deleteGroupAction(tenantId, groupNameFromPath(url)));
