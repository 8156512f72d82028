import { createCustomEventSchema, listCustomEventsQuerySchema } from "@/lib/custom-events/schemas";
import { createCustomEvent, listCustomEvents } from "@/lib/custom-events/service";
import { withSession } from "@/lib/http/with-session";

/** GET ?includeArchived=true → CustomEventView[]; POST {id?, name, description?, fields} → 201 CustomEventView. */
export const GET = withSession({ permission: "read", query: listCustomEventsQuerySchema }, ({ tenantId, query }) =>
  listCustomEvents(tenantId, { includeArchived: query.includeArchived === "true" }),
);
export const POST = withSession({ permission: "write", body: createCustomEventSchema, status: 201 }, ({ tenantId, body }) => createCustomEvent(tenantId, body));
