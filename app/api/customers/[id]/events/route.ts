import { z } from "zod";
import { recordConsoleEvent } from "@/lib/customer-events/console";
import { customerIdParamsSchema } from "@/lib/customers/schemas";
import { withSession } from "@/lib/http/with-session";
import { createCustomerEventBody } from "@/lib/openapi/events/customer-events";

/**
 * POST a customer-event/create body without the customer reference (the path names the customer;
 * happenTime defaults to now): records the event by hand, which moves the customer to the type's
 * stage and adds its rating to the score. Answers 201 `{eventId, duplicate}`.
 */
export const POST = withSession(
  { permission: "write", params: customerIdParamsSchema, body: z.record(z.string(), z.unknown()), status: 201 },
  ({ tenantId, user, params, body }) =>
    recordConsoleEvent(tenantId, params.id, body, { type: "user", id: user.id }, (b) => createCustomerEventBody.parse(b)),
);
