import { listEventTypes } from "@/lib/event-types/service";
import { withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { queryEventTypesQuerySchema, toWireEventType } from "@/lib/openapi/events/event-types";

export const GET = withApiKey(
  eventsDialect,
  { scopes: ["customers:read"], query: queryEventTypesQuerySchema },
  async ({ tenantId, query }) => (await listEventTypes(tenantId, { search: query.searchKey })).map(toWireEventType),
);
