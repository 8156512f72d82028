import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AUTHENTICATED_ERRORS, errorResponses, jsonResponse } from "../responses";
import { securityOf } from "../security";
import { fanOutAnswerSchema, runsAnswerSchema, segmentsBodySchema, triggerBodySchema } from "./wire";

/** The scenarios dialect (seed 003) in the OpenAPI document. */
const TAG = "scenarios";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  substatus: z.string().describe("Which problem, e.g. CustomEventNotFound, CustomerNotFound, SegmentNotFound, MissingScope"),
  detail: z.string(),
  instance: z.string().describe("The request path"),
  errors: z.array(z.string()).optional().describe("400 only: one entry per bad field, naming it"),
});

const errors = (statuses: number[], overrides: Record<number, string>) => errorResponses(problemSchema, statuses, overrides);
const body = (schema: z.ZodType, example: unknown) => ({ required: true, content: { "application/json": { schema, example } } });

export function registerScenariosSpec(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/openapi/scenariocustomevents",
    tags: [TAG],
    summary: "Fire a custom event for one customer",
    description:
      "Needs the scope scenarios:trigger. The customer is found by the highest-priority identifier given (customerId > customerEmail > customerEmailMd5 > customerEmailSha256 > customerPhone > customerCrmId); an unknown one is a 404, never a fall-through to the next. Answers how many active scenarios the customer entered (0 is a valid answer).",
    security: securityOf("scenarios"),
    request: { body: body(triggerBodySchema, { customEventId: 101, customerEmail: "client@example.com", dataFields: [{ name: "Order ID", type: "String", value: "12345" }] }) },
    responses: {
      201: jsonResponse(runsAnswerSchema, "Created"),
      ...errors([...AUTHENTICATED_ERRORS, 404, 413], { 400: "A missing or wrong-typed field, a length limit, a bad digest, a data field whose value does not parse as its type", 404: "Unknown custom event or customer" }),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/openapi/scenariocustomevents/withsegments",
    tags: [TAG],
    summary: "Fire a custom event for the customers of segments",
    description: "Needs the scope scenarios:trigger. Answers 201 once the work is durably queued; the worker puts each customer of the union of the segments, once, into every active scenario the custom event triggers.",
    security: securityOf("scenarios"),
    request: { body: body(segmentsBodySchema, { customEventId: 1, segments: [1, 5, 15], dataFields: [{ name: "Discount Code", type: "String", value: "QWERTY" }] }) },
    responses: {
      201: jsonResponse(fanOutAnswerSchema, "Created (queued)"),
      ...errors([...AUTHENTICATED_ERRORS, 404, 413], { 400: "A missing or wrong-typed field, empty segments or more than 100", 404: "Unknown custom event or segment (named)" }),
    },
  });
}
