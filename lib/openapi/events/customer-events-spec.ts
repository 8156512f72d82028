import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AUTHENTICATED_ERRORS, errorResponses, jsonResponse } from "../responses";
import { securityOf } from "../security";
import { batchCreateBody, createCustomerEventBody, queryCustomerEventsBody, wireBatchItemSchema, wireCustomerEventSchema } from "./customer-events";
import { eventsErrorSchema, eventsSuccessSchema } from "./wire";

/**
 * The customer-event routes of the events dialect (seed 000, second half) in the OpenAPI document.
 * Request bodies are the schemas the routes validate with (./customer-events.ts).
 * Registered from registerEventsSpec (lib/openapi/events/spec.ts).
 */
const TAG = "events";
const jsonBody = (schema: z.ZodType, example: unknown) => ({ required: true, content: { "application/json": { schema, example } } });

const CREATE_EXAMPLE = {
  identityType: "phone",
  identityValue: "13800000000",
  event: "order_paid",
  eventName: "订单支付",
  happenTime: "2026-03-01 12:00:00",
  attrValueList: [{ attrKey: "amount", attrValue: "1299", type: "value" }],
  source: "淘宝",
  eventId: "erp-order-10086",
};

export function registerCustomerEventsSpec(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/openapi/customer-event/create",
    tags: [TAG],
    summary: "Record a customer event (记录客户事件)",
    description:
      "Needs customers:write. `customerId` wins over identityType + identityValue. Attributes are checked against the event type's. " +
      "Moves the customer to the type's stage, adds its rating to the score and queues the scenarios the type starts, in one transaction. " +
      "The same `eventId` again is acknowledged and writes nothing.",
    security: securityOf("events"),
    request: { body: jsonBody(createCustomerEventBody, CREATE_EXAMPLE) },
    responses: {
      200: jsonResponse(eventsSuccessSchema(z.null()), "Recorded (or recorded before, same eventId)"),
      ...errorResponses(eventsErrorSchema, [...AUTHENTICATED_ERRORS, 404, 413], {
        400: "Bad input naming the field or attribute; an archived event type",
        404: "Unknown customer or event type",
      }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/openapi/customer-event/batchCreate",
    tags: [TAG],
    summary: "Record up to 1,000 customer events (beyond the seed)",
    description: "Needs customers:write. Each event is checked and written on its own: valid ones are written even when others fail. Body up to 8 MiB.",
    security: securityOf("events"),
    request: { body: jsonBody(batchCreateBody, { events: [CREATE_EXAMPLE] }) },
    responses: {
      200: jsonResponse(eventsSuccessSchema(z.array(wireBatchItemSchema)), "One result per event, in order"),
      ...errorResponses(eventsErrorSchema, [...AUTHENTICATED_ERRORS, 413], { 400: "`events` missing, not an array, empty or over 1,000" }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/openapi/customer-event/queryByCustomerId",
    tags: [TAG],
    summary: "A customer's events, newest first (查询目标客户的发生的事件列表)",
    description:
      "Needs customers:read. startTime/endTime are inclusive (a bare date covers its day). Paging beyond the seed: pageNum (default 1), pageSize (default 100, max 1000); " +
      "the response headers x-total-count, x-page-num and x-page-size carry the paging information so that `data` stays the seed's array.",
    security: securityOf("events"),
    request: { body: jsonBody(queryCustomerEventsBody, { customerId: 1, event: "order_paid", startTime: "2026-03-01", endTime: "2026-03-31 23:59:59" }) },
    responses: {
      200: {
        ...jsonResponse(eventsSuccessSchema(z.array(wireCustomerEventSchema)), "One page of events"),
        headers: {
          "x-total-count": { description: "events matching the filters", schema: { type: "integer" } },
          "x-page-num": { description: "the page returned", schema: { type: "integer" } },
          "x-page-size": { description: "the page size used", schema: { type: "integer" } },
        },
      },
      ...errorResponses(eventsErrorSchema, [...AUTHENTICATED_ERRORS, 404], { 404: "Unknown customer or event type" }),
    },
  });
}
