import { withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";
import { toWireStage } from "@/lib/openapi/events/stages";
import { listStages } from "@/lib/stages/service";

export const GET = withApiKey(eventsDialect, { scopes: ["customers:read"] }, async ({ tenantId }) =>
  (await listStages(tenantId)).map(toWireStage),
);
