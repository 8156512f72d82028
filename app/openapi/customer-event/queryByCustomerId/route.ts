import { queryCustomerEventsBody } from "@/lib/customer-events/schemas";
import { queryCustomerEvents } from "@/lib/customer-events/service";
import { withApiKey } from "@/lib/http/with-api-key";
import { eventsDialect } from "@/lib/openapi/events/envelope";

/** Seed 000 查询目标客户的发生的事件列表: `data` stays the seed's array; paging info goes in headers. */
export const POST = withApiKey(
  eventsDialect,
  { scopes: ["customers:read"], body: queryCustomerEventsBody },
  async (ctx) => {
    const page = await queryCustomerEvents(ctx.principal.tenantId, ctx.body, { timeZone: ctx.principal.tenantTimeZone });
    const res = eventsDialect.success(page.items, ctx, 200);
    res.headers.set("x-total-count", String(page.total));
    res.headers.set("x-page-num", String(page.pageNum));
    res.headers.set("x-page-size", String(page.pageSize));
    return res;
  },
);
