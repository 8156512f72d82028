import { expectingEvents } from "@/lib/customer-events/group-commit";
import { batchCreateBody } from "@/lib/customer-events/schemas";
import { toWireBatchItem } from "@/lib/customer-events/serializers";
import { recordEvents } from "@/lib/customer-events/service";
import { withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/** Beyond the seed: up to 1,000 events; `data` is `[{index, ok, error?}]`, one per event. */
export const POST = expectingEvents(
  withApiKey(
    eventsDialect,
    { scopes: ["customers:write"], body: batchCreateBody, maxBodyBytes: 8 * 1024 * 1024 },
    async ({ req, principal, body }) => {
      const actor = { type: "apikey" as const, id: principal.apiKeyId };
      const results = await recordEvents(principal.tenantId, body.events, actor, { timeZone: principal.tenantTimeZone });
      return results.map(toWireBatchItem);
    },
  ),
);
