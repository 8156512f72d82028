import { actorOfApiKey } from "@/lib/audit/audit";
import { createEventType } from "@/lib/event-types/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { addEventTypeBodySchema, addEventTypeToDomain } from "@/lib/openapi/events/event-types";

const post = withApiKey(
  eventsDialect,
  { scopes: ["customers:write"], body: addEventTypeBodySchema },
  async ({ tenantId, principal, body }) => {
    await createEventType(tenantId, addEventTypeToDomain(body), actorOfApiKey(principal));
    return null;
  },
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
