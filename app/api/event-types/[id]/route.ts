import { actorOfUser } from "@/lib/audit/audit";
import { eventTypeIdParamsSchema, updateEventTypeSchema } from "@/lib/event-types/schemas";
import { archiveEventType, getEventType, updateEventType } from "@/lib/event-types/service";
import { withSession } from "@/lib/http/with-session";

const params = eventTypeIdParamsSchema;

export const GET = withSession({ permission: "read", params }, ({ tenantId, params: { id } }) => getEventType(tenantId, { id }));

export const PATCH = withSession({ permission: "write", params, body: updateEventTypeSchema }, ({ tenantId, user, params: { id }, body }) =>
  updateEventType(tenantId, { id }, body, actorOfUser(user)),
);

/** Delete = archive; answers the archived EventType. */
export const DELETE = withSession({ permission: "write", params }, ({ tenantId, user, params: { id } }) =>
  archiveEventType(tenantId, { id }, actorOfUser(user)),
);
