import { actorOfUser } from "@/lib/audit/audit";
import { eventTypeIdParamsSchema } from "@/lib/event-types/schemas";
import { restoreEventType } from "@/lib/event-types/service";
import { withSession } from "@/lib/http/with-session";

/** Undoes a delete (archive); answers the EventType. */
export const POST = withSession({ permission: "write", params: eventTypeIdParamsSchema }, ({ tenantId, user, params: { id } }) =>
  restoreEventType(tenantId, { id }, actorOfUser(user)),
);
