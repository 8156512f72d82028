import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { toWireStage } from "@/lib/openapi/events/stages";
import { listStages } from "@/lib/stages/service";

const get = withApiKey(eventsDialect, { scopes: ["customers:read"] }, async ({ tenantId }) =>
  (await listStages(tenantId)).map(toWireStage),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { GET: get });
