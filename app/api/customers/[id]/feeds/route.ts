import { authorOfUser } from "@/lib/customers/author";
import { customerIdParamsSchema } from "@/lib/customers/schemas";
import { addFeedItemSchema, feedTimelineQuerySchema } from "@/lib/feeds/schemas";
import { toFeedItem } from "@/lib/feeds/serializers";
import { addFeedItem, listFeedTimeline } from "@/lib/feeds/service";
import { withSession } from "@/lib/http/with-session";

const params = customerIdParamsSchema;

/** GET ?kind=&cursor=&limit= : `{items: FeedItem[], nextCursor}`, newest first (every kind when no kind). */
export const GET = withSession({ permission: "read", params, query: feedTimelineQuerySchema }, async ({ tenantId, params, query }) => {
  const page = await listFeedTimeline(tenantId, params.id, query);
  return { items: page.items.map(toFeedItem), nextCursor: page.nextCursor };
});

/** POST {kind: followUp|ticket|callLog|sms, …}: adds to the history; answers the FeedItem (201). */
export const POST = withSession({ permission: "write", params, body: addFeedItemSchema, status: 201 }, async ({ tenantId, user, params, body }) =>
  toFeedItem(await addFeedItem(tenantId, authorOfUser(user), params.id, body)),
);
