import { actorOfApiKey } from "@/lib/audit/audit";
import { archiveEventType } from "@/lib/event-types/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { deleteEventTypeBodySchema } from "@/lib/openapi/events/event-types";

/** Delete archives the type (see docs/api/events.md). */
const post = withApiKey(
  eventsDialect,
  { scopes: ["customers:write"], body: deleteEventTypeBodySchema },
  async ({ tenantId, principal, body }) => {
    await archiveEventType(tenantId, { eventKey: body.eventKey }, actorOfApiKey(principal));
    return null;
  },
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
