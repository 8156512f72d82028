import { actorOfUser } from "@/lib/audit/audit";
import { createEventTypeSchema, listEventTypesQuerySchema } from "@/lib/event-types/schemas";
import { createEventType, listEventTypes } from "@/lib/event-types/service";
import { withSession } from "@/lib/http/with-session";

/** GET ?search=&includeArchived= → EventType[]; POST EventTypeFormValues → 201 EventType. */
export const GET = withSession({ permission: "read", query: listEventTypesQuerySchema }, ({ tenantId, query }) =>
  listEventTypes(tenantId, query),
);

export const POST = withSession({ permission: "write", body: createEventTypeSchema, status: 201 }, ({ tenantId, user, body }) =>
  createEventType(tenantId, body, actorOfUser(user)),
);
