import { listEventTypeFlows } from "@/lib/event-types/service";
import { withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { toWireFlows } from "@/lib/openapi/events/event-types";

export const GET = withApiKey(eventsDialect, { scopes: ["customers:read"] }, async ({ tenantId }) =>
  toWireFlows(await listEventTypeFlows(tenantId)),
);
