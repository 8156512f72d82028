import { listEventTypes } from "@/lib/event-types/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { queryEventTypesQuerySchema, toWireEventType } from "@/lib/openapi/events/event-types";

const get = withApiKey(
  eventsDialect,
  { scopes: ["customers:read"], query: queryEventTypesQuerySchema },
  async ({ tenantId, query }) => (await listEventTypes(tenantId, { search: query.searchKey })).map(toWireEventType),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { GET: get });
