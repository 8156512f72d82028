import { fireCustomEvent } from "@/lib/custom-events/trigger";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { scenariosDialect } from "@/lib/openapi/scenarios/envelope";
import { triggerBodySchema } from "@/lib/openapi/scenarios/wire";

/** Seed 003: fire a custom event for one customer → 201 {"runs": n}. */
const post = withApiKey(scenariosDialect, { scopes: ["scenarios:trigger"], body: triggerBodySchema, status: 201 }, ({ tenantId, body }) =>
  fireCustomEvent(tenantId, body),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(scenariosDialect, { POST: post });
