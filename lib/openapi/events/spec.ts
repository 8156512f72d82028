import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { listsErrorSchema, oauth2TokenQuerySchema, oauth2TokenResponseSchema } from "@/lib/openapi/lists/token";
import { AUTHENTICATED_ERRORS, errorResponses, jsonResponse } from "../responses";
import { NO_SECURITY, securityOf } from "../security";
import { tokenRequestSchema, tokenResponseSchema } from "./auth";
import { registerCustomerEventsSpec } from "./customer-events-spec";
import {
  addEventTypeFieldsSchema,
  deleteEventTypeFieldsSchema,
  queryEventTypesQuerySchema,
  updateEventTypeFieldsSchema,
  wireEventTypeSchema,
  wireFlowGroupSchema,
} from "./event-types";
import { wireStageSchema } from "./stages";
import { documentDataWrapper, eventsErrorSchema, eventsSuccessSchema } from "./wire";

/**
 * The events dialect (seed 000) in the OpenAPI document: token exchange, event-type metadata and
 * stages. Request and answer bodies are the very schemas the routes validate with.
 * (It also carries the lists dialect's token exchange, which was built with it; that entry moves
 * to lib/openapi/lists/spec.ts when the lists dialect's spec is written.)
 */
const TAG = "events";
const WRITE = "Needs the scope customers:write (客户管理-写).";
const READ = "Needs the scope customers:read (客户管理-读).";

const ok = (data: z.ZodType, description = "Success") => ({ 200: jsonResponse(eventsSuccessSchema(data), description) });
const okNull = ok(z.null(), "Success (`data` is null)");
const errors = (statuses: number[], overrides: Record<number, string> = {}) => errorResponses(eventsErrorSchema, statuses, overrides);
const jsonBody = (schema: z.ZodType, example?: unknown) => ({
  required: true,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

const ADD_EXAMPLE = {
  eventKey: "order_paid",
  isInteract: "1",
  name: "订单支付",
  rating: 20,
  stageId: 3,
  attrList: [
    { attrKey: "orderNo", attrName: "订单号", showInFlow: 1, type: "text" },
    { attrKey: "amount", attrName: "金额", showInFlow: 1, type: "value" },
    { attrKey: "paidAt", attrName: "支付时间", showInFlow: 0, type: "DateTime" },
  ],
};

export function registerEventsSpec(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/openapi/auth/token",
    tags: [TAG],
    summary: "Exchange an API key for a token",
    description: "Send the returned token in the `token` header of every other events call. Tokens expire after `expiresIn` seconds; ask for a new one then.",
    security: NO_SECURITY,
    request: { body: jsonBody(tokenRequestSchema, { appKey: "ak_…", secret: "…" }) },
    responses: { ...ok(tokenResponseSchema), ...errors([400, 401, 413, 500], { 401: "Unknown appKey, wrong secret, revoked or expired key" }) },
  });

  registry.registerPath({
    method: "post",
    path: "/openapi/event-type/add",
    tags: [TAG],
    summary: "Add an event type (添加事件)",
    description: `${WRITE} The fields may be sent at the top level or inside \`data\`. \`eventKey\` is unique in the tenant, archived types included.`,
    security: securityOf("events"),
    request: { body: jsonBody(documentDataWrapper(addEventTypeFieldsSchema), ADD_EXAMPLE) },
    responses: {
      ...okNull,
      ...errors([...AUTHENTICATED_ERRORS, 409, 413], {
        400: "Bad input, naming the field: malformed JSON, a missing or wrong-typed field, an unknown stageId or categoryCode, a repeated attrKey",
        409: "The eventKey is taken (by a live or an archived type)",
      }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/openapi/event-type/update",
    tags: [TAG],
    summary: "Update an event type",
    description: `${WRITE} \`eventKey\` names the type; every other field present is changed, absent ones are kept. \`attrList\`, when present, replaces the attributes. An attribute's type can change only while no recorded event carries it.`,
    security: securityOf("events"),
    request: { body: jsonBody(documentDataWrapper(updateEventTypeFieldsSchema), { eventKey: "order_paid", name: "订单已支付", rating: 25 }) },
    responses: {
      ...okNull,
      ...errors([...AUTHENTICATED_ERRORS, 404, 409, 413], {
        404: "No event type with this eventKey",
        409: "The type is archived, or an attribute with recorded values would change type",
      }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/openapi/event-type/delete",
    tags: [TAG],
    summary: "Delete (archive) an event type",
    description: `${WRITE} The type leaves every list and accepts no new events; recorded events keep it and its eventKey stays taken. Deleting an already deleted type succeeds.`,
    security: securityOf("events"),
    request: { body: jsonBody(documentDataWrapper(deleteEventTypeFieldsSchema), { eventKey: "order_paid" }) },
    responses: { ...okNull, ...errors([...AUTHENTICATED_ERRORS, 404, 413], { 404: "No event type with this eventKey" }) },
  });

  registry.registerPath({
    method: "get",
    path: "/openapi/event-type/queryList",
    tags: [TAG],
    summary: "List event types (查询事件类型列表)",
    description: `${READ} Live (not deleted) types in creation order.`,
    security: securityOf("events"),
    request: { query: queryEventTypesQuerySchema },
    responses: { ...ok(z.array(wireEventTypeSchema)), ...errors(AUTHENTICATED_ERRORS) },
  });

  registry.registerPath({
    method: "get",
    path: "/openapi/event-type/listCustomerEventToFlows",
    tags: [TAG],
    summary: "Event types grouped by category, for automation flows (按分组返回事件类型列表)",
    description: `${READ} Categories in their order, only those holding a live type, then the ungrouped types (\`category: null\`). Each type lists only its attributes with showInFlow = 1.`,
    security: securityOf("events"),
    responses: { ...ok(z.array(wireFlowGroupSchema)), ...errors(AUTHENTICATED_ERRORS) },
  });

  registry.registerPath({
    method: "get",
    path: "/openapi/stage/queryList",
    tags: [TAG],
    summary: "List lifecycle stages (beyond the seed)",
    description: `${READ} The ids to send as \`stageId\` when adding an event type, in their order.`,
    security: securityOf("events"),
    responses: { ...ok(z.array(wireStageSchema)), ...errors(AUTHENTICATED_ERRORS) },
  });

  registry.registerPath({
    method: "get",
    path: "/openapi/v1/oauth2/token",
    tags: ["lists"],
    summary: "Exchange an API key for an access_token (lists dialect)",
    description: "Send the returned `access_token` as a query parameter of every other lists call. Errors come in the lists envelope.",
    security: NO_SECURITY,
    request: { query: oauth2TokenQuerySchema },
    responses: {
      200: jsonResponse(oauth2TokenResponseSchema, "Success"),
      ...errorResponses(listsErrorSchema, [400, 401, 500], {
        400: "A parameter is missing, or grant_type is not client_credentials",
        401: "Unknown appid, wrong secret, revoked or expired key",
      }),
    },
  });

  registerCustomerEventsSpec(registry);
}
