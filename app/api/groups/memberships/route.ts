import { membershipQuerySchema } from "@/lib/groups/console";
import { serializeGroup } from "@/lib/groups/serializers";
import { groupsOfCustomer } from "@/lib/groups/service";
import { withSession } from "@/lib/http/with-session";

/** GET `?customerId=`: the groups a customer is in, most recent first `[{group, joinedAt}]` (the customer page's card). */
export const GET = withSession({ permission: "read", query: membershipQuerySchema }, async ({ tenantId, query }) =>
  (await groupsOfCustomer(tenantId, query.customerId)).map((m) => ({ group: serializeGroup(m.group), joinedAt: m.joinedAt.toISOString() })),
);
