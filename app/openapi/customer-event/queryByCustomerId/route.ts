import { queryCustomerEvents } from "@/lib/customer-events/service";
import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { queryCustomerEventsBody, toWireEvent } from "@/lib/openapi/events/customer-events";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/** Seed 000 查询目标客户的发生的事件列表: `data` stays the seed's array; paging info goes in headers. */
const post = withApiKey(
  eventsDialect,
  { scopes: ["customers:read"], body: queryCustomerEventsBody },
  async ({ principal, body, headers }) => {
    const page = await queryCustomerEvents(principal.tenantId, body, { timeZone: principal.tenantTimeZone });
    headers.set("x-total-count", String(page.total));
    headers.set("x-page-num", String(page.pageNum));
    headers.set("x-page-size", String(page.pageSize));
    return page.items.map((e) => toWireEvent(e, principal.tenantTimeZone));
  },
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(eventsDialect, { POST: post });
