import { segmentIdParamsSchema, snapshotSchema } from "@/lib/segments/schemas";
import { snapshotToGroup } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** POST {groupId} | {newGroupName} → {groupId, added}: the current members written into a static group. */
export const POST = withSession({ permission: "write", params: segmentIdParamsSchema, body: snapshotSchema }, ({ tenantId, params: { id }, body }) =>
  snapshotToGroup(tenantId, id, body),
);
