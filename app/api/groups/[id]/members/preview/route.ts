import { groupIdParamsSchema, previewBodySchema } from "@/lib/groups/console";
import { resolveCustomerRows } from "@/lib/groups/identifiers";
import { getGroup } from "@/lib/groups/service";
import { withSession } from "@/lib/http/with-session";

/**
 * POST `{rows}`: the batch add's dry run. Each row (an id, a phone or an exact name) is resolved to
 * one customer, none or several; nothing is written. The page then adds `customerIds` with POST …/members.
 */
export const POST = withSession(
  { permission: "write", params: groupIdParamsSchema, body: previewBodySchema, maxBodyBytes: 2 * 1024 * 1024 },
  async ({ tenantId, params: { id }, body }) => {
    await getGroup(tenantId, id);
    return resolveCustomerRows(tenantId, body.rows);
  },
);
