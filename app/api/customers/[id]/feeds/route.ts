import { authorOfUser } from "@/lib/customers/author";
import { customerIdParamsSchema } from "@/lib/customers/schemas";
import { addFeedItemSchema } from "@/lib/feeds/schemas";
import { toFeedItem } from "@/lib/feeds/serializers";
import { addFeedItem } from "@/lib/feeds/service";
import { timelineQuerySchema } from "@/lib/feeds/schemas";
import { listCustomerTimeline } from "@/lib/feeds/timeline";
import { withSession } from "@/lib/http/with-session";

const params = customerIdParamsSchema;

/**
 * GET ?kind=&eventTypeId=&from=&to=&cursor=&limit= : the customer's one timeline, `{items, nextCursor}`,
 * newest first: recorded events (kind "event") merged with every history kind.
 */
export const GET = withSession({ permission: "read", params, query: timelineQuerySchema }, ({ tenantId, params, query }) =>
  listCustomerTimeline(tenantId, params.id, query),
);

/** POST {kind: followUp|ticket|callLog|sms, …}: adds to the history; answers the FeedItem (201). */
export const POST = withSession({ permission: "write", params, body: addFeedItemSchema, status: 201 }, async ({ tenantId, user, params, body }) =>
  toFeedItem(await addFeedItem(tenantId, authorOfUser(user), params.id, body)),
);
