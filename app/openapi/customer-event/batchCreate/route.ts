import { expectingEvents } from "@/lib/customer-events/group-commit";
import { recordEvents } from "@/lib/customer-events/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { batchCreateBody, parseBatchItem, toWireBatchItem } from "@/lib/openapi/events/customer-events";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/** Beyond the seed: up to 1,000 events; `data` is `[{index, ok, error?}]`, one per event. */
const post = expectingEvents(
  withApiKey(
    eventsDialect,
    { scopes: ["customers:write"], body: batchCreateBody, maxBodyBytes: 8 * 1024 * 1024 },
    async ({ principal, body }) => {
      const actor = { type: "apikey" as const, id: principal.apiKeyId };
      const results = await recordEvents(principal.tenantId, body.events.map(parseBatchItem), actor, { timeZone: principal.tenantTimeZone });
      return results.map(toWireBatchItem);
    },
  ),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
