import { expectingEvents } from "@/lib/customer-events/group-commit";
import { recordEvent } from "@/lib/customer-events/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { createCustomerEventBody } from "@/lib/openapi/events/customer-events";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/**
 * Seed 000 记录客户事件: `{code:0, msg:"success", data:null}` once the event is committed.
 * `expectingEvents` lets concurrent creates share one transaction (lib/customer-events/group-commit.ts).
 */
const post = expectingEvents(
  withApiKey(eventsDialect, { scopes: ["customers:write"], body: createCustomerEventBody }, async ({ principal, body }) => {
    const actor = { type: "apikey" as const, id: principal.apiKeyId };
    await recordEvent(principal.tenantId, body, actor, { timeZone: principal.tenantTimeZone });
    return null;
  }),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
