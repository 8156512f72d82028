import { actorOfUser } from "@/lib/audit/audit";
import { eventCategoryIdParamsSchema, updateEventCategorySchema } from "@/lib/event-categories/schemas";
import { deleteEventCategory, getEventCategory, updateEventCategory } from "@/lib/event-categories/service";
import { withSession } from "@/lib/http/with-session";

const params = eventCategoryIdParamsSchema;

export const GET = withSession({ permission: "read", params }, ({ tenantId, params: { id } }) => getEventCategory(tenantId, id));

export const PATCH = withSession({ permission: "write", params, body: updateEventCategorySchema }, ({ tenantId, user, params: { id }, body }) =>
  updateEventCategory(tenantId, id, body, actorOfUser(user)),
);

/** Its event types become ungrouped; answers `{id, deleted: true, ungroupedEventTypes}`. */
export const DELETE = withSession({ permission: "write", params }, async ({ tenantId, user, params: { id } }) => ({
  id,
  deleted: true,
  ...(await deleteEventCategory(tenantId, id, actorOfUser(user))),
}));
