import { listEventTypeFlows } from "@/lib/event-types/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { toWireFlows } from "@/lib/openapi/events/event-types";

const get = withApiKey(eventsDialect, { scopes: ["customers:read"] }, async ({ tenantId }) =>
  toWireFlows(await listEventTypeFlows(tenantId)),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { GET: get });
