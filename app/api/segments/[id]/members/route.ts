import { membersQuerySchema, segmentIdParamsSchema } from "@/lib/segments/schemas";
import { segmentMembers } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** GET ?after=<last id>&limit= → {items, nextAfter}: members in customer-id order (keyset). */
export const GET = withSession({ permission: "read", params: segmentIdParamsSchema, query: membersQuerySchema }, ({ tenantId, params: { id }, query }) =>
  segmentMembers(tenantId, id, query),
);
