import { deleteGroupQuerySchema, groupIdParamsSchema, renameGroupSchema } from "@/lib/groups/console";
import { groupForConsole } from "@/lib/groups/console-service";
import { serializeGroup } from "@/lib/groups/serializers";
import { deleteGroup, updateGroup } from "@/lib/groups/service";
import { withSession } from "@/lib/http/with-session";

const params = groupIdParamsSchema;

export const GET = withSession({ permission: "read", params }, ({ tenantId, params: { id } }) => groupForConsole(tenantId, id));

/** PATCH `{name}`: renames; 409 group_name_taken when another group has the name. */
export const PATCH = withSession({ permission: "write", params, body: renameGroupSchema }, async ({ tenantId, params: { id }, body }) =>
  serializeGroup(await updateGroup(tenantId, id, body)),
);

/** DELETE: 409 group_not_empty while members remain, unless `?removeMembers=true`. */
export const DELETE = withSession({ permission: "write", params, query: deleteGroupQuerySchema }, async ({ tenantId, params: { id }, query }) => {
  const { removed } = await deleteGroup(tenantId, id, { removeMembers: query.removeMembers });
  return { id, deleted: true, removedMembers: removed };
});
