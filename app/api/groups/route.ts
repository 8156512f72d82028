import { createGroupSchema, groupListQuerySchema } from "@/lib/groups/console";
import { groupPageForConsole } from "@/lib/groups/console-service";
import { serializeGroup } from "@/lib/groups/serializers";
import { createGroup } from "@/lib/groups/service";
import { withSession } from "@/lib/http/with-session";

/** GET: a page of groups with member counts `{items, total, page, pageSize}`; `q` filters by name (the pickers' search). */
export const GET = withSession({ permission: "read", query: groupListQuerySchema }, ({ tenantId, query }) => groupPageForConsole(tenantId, query));

/** POST `{name, description?}`: creates a group (201). */
export const POST = withSession({ permission: "write", body: createGroupSchema, status: 201 }, async ({ tenantId, body }) =>
  serializeGroup(await createGroup(tenantId, body)),
);
