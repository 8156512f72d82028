import { expectingEvents } from "@/lib/customer-events/group-commit";
import { createCustomerEventBody } from "@/lib/customer-events/schemas";
import { recordEvent } from "@/lib/customer-events/service";
import { withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/**
 * Seed 000 记录客户事件: `{code:0, msg:"success", data:null}` once the event is committed.
 * `expectingEvents` lets concurrent creates share one transaction (lib/customer-events/group-commit.ts).
 */
export const POST = expectingEvents(
  withApiKey(eventsDialect, { scopes: ["customers:write"], body: createCustomerEventBody }, async ({ req, principal, body }) => {
    const actor = { type: "apikey" as const, id: principal.apiKeyId };
    await recordEvent(principal.tenantId, body, actor, { timeZone: principal.tenantTimeZone });
    return null;
  }),
);
