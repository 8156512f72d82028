import { actorOfApiKey } from "@/lib/audit/audit";
import { updateEventType } from "@/lib/event-types/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { updateEventTypeBodySchema, updateEventTypeToDomain } from "@/lib/openapi/events/event-types";

const post = withApiKey(
  eventsDialect,
  { scopes: ["customers:write"], body: updateEventTypeBodySchema },
  async ({ tenantId, principal, body }) => {
    await updateEventType(tenantId, { eventKey: body.eventKey }, updateEventTypeToDomain(body), actorOfApiKey(principal));
    return null;
  },
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
