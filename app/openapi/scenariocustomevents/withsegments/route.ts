import { fireCustomEventForSegments } from "@/lib/custom-events/trigger";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { scenariosDialect } from "@/lib/openapi/scenarios/envelope";
import { segmentsBodySchema } from "@/lib/openapi/scenarios/wire";

/** Seed 003: fire a custom event for the union of segments → 201 {"fanOutId": …} once it is queued. */
const post = withApiKey(scenariosDialect, { scopes: ["scenarios:trigger"], body: segmentsBodySchema, status: 201 }, ({ tenantId, body }) =>
  fireCustomEventForSegments(tenantId, body),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(scenariosDialect, { POST: post });
