import { customerIdsBodySchema, groupIdParamsSchema, memberListQuerySchema } from "@/lib/groups/console";
import { memberPageForConsole } from "@/lib/groups/console-service";
import { addMembers, removeMembers } from "@/lib/groups/service";
import { withSession } from "@/lib/http/with-session";

const params = groupIdParamsSchema;

/** GET: a keyset page of members `{items, next?}`; pass `next` back as `after`. */
export const GET = withSession({ permission: "read", params, query: memberListQuerySchema }, ({ tenantId, params: { id }, query }) =>
  memberPageForConsole(tenantId, id, query),
);

/** POST `{customerIds}` (≤ 10,000): adds them all in one transaction, or none (404 naming the unknown ones). */
export const POST = withSession({ permission: "write", params, body: customerIdsBodySchema }, async ({ tenantId, params: { id }, body }) => {
  const rows = await addMembers(tenantId, id, body.customerIds);
  return { groupId: id, members: rows.length };
});

/** DELETE `{customerIds}`: removes those that are members; answers how many left. */
export const DELETE = withSession({ permission: "write", params, body: customerIdsBodySchema }, async ({ tenantId, params: { id }, body }) => ({
  groupId: id,
  removed: await removeMembers(tenantId, id, body.customerIds),
}));
