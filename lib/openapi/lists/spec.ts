import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AUTHENTICATED_ERRORS, errorResponses, jsonResponse } from "../responses";
import { securityOf } from "../security";
import { listsErrorSchema } from "./token";
import {
  createListBodySchema,
  listIdParamsSchema,
  listMemberBodySchema,
  listMembersBatchBodySchema,
  listMembersQuerySchema,
  listsQuerySchema,
  memberCountQuerySchema,
  removeFromListQuerySchema,
  wireListSchema,
  wireMemberSchema,
} from "./wire";

/**
 * The lists dialect (seed 001) in the OpenAPI document; see docs/api/lists.md for the choices made
 * where the seed is silent. (Its token exchange is documented with the events dialect's spec.)
 */
const TAG = "lists";
const READ = "Needs the scope groups:read.";
const WRITE = "Needs the scope groups:write.";
const errors = (statuses: number[], overrides: Record<number, string> = {}) => errorResponses(listsErrorSchema, statuses, overrides);
const json = (schema: z.ZodType, example?: unknown) => ({
  required: true,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});
const UNKNOWN = { 404: "Unknown list or customer (another tenant's is unknown too)" };

export function registerListsSpec(registry: OpenAPIRegistry): void {
  const security = securityOf("lists");
  registry.registerPath({
    method: "post",
    path: "/openapi/v1/lists",
    tags: [TAG],
    summary: "Create a list (创建群组)",
    description: `${WRITE} Names are not checked for uniqueness (the seed: 该接口不做名字唯一性检查).`,
    security,
    request: { body: json(createListBodySchema, { name: "金卡会员" }) },
    responses: { 201: jsonResponse(wireListSchema, "The new list"), ...errors([...AUTHENTICATED_ERRORS, 413]) },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi/v1/lists",
    tags: [TAG],
    summary: "List lists (查询群组列表)",
    description: `${READ} jqGrid paging: \`page\` (from 1), \`records\` (matching lists), \`total\` (pages), \`rows\`.`,
    security,
    request: { query: listsQuerySchema },
    responses: {
      200: jsonResponse(z.object({ page: z.number().int(), records: z.number().int(), total: z.number().int(), rows: z.array(wireListSchema) }), "One page"),
      ...errors(AUTHENTICATED_ERRORS),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/openapi/v1/lists/{id}",
    tags: [TAG],
    summary: "Delete a list (删除群组)",
    description: `${WRITE} Its memberships go with it; customers never do. Answers the deleted list.`,
    security,
    request: { params: listIdParamsSchema },
    responses: { 200: jsonResponse(wireListSchema, "The deleted list"), ...errors([...AUTHENTICATED_ERRORS, 404], UNKNOWN) },
  });
  registry.registerPath({
    method: "post",
    path: "/openapi/v1/listMembers",
    tags: [TAG],
    summary: "Add a customer to a list (将一个客户加入某个群组)",
    description: `${WRITE} 201 with the new membership; 200 with the existing one when the customer is already in the list.`,
    security,
    request: { body: json(listMemberBodySchema, { data: { customerId: 4, listId: 1 } }) },
    responses: {
      200: jsonResponse(z.object({ data: wireMemberSchema }), "Already a member: the existing membership"),
      201: jsonResponse(z.object({ data: wireMemberSchema }), "The new membership"),
      ...errors([...AUTHENTICATED_ERRORS, 404, 413], UNKNOWN),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi/v1/listMembers",
    tags: [TAG],
    summary: "List memberships (查看群组成员详情)",
    description: `${READ} Keyset paging: \`sinceId\` bounds the \`sidx\` field (above it ascending, below it descending), ties ordered by id. Walk a list with sidx=customerId (the default) or sidx=id.`,
    security,
    request: { query: listMembersQuerySchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(wireMemberSchema) }), "One page"), ...errors([...AUTHENTICATED_ERRORS, 404], UNKNOWN) },
  });
  registry.registerPath({
    method: "delete",
    path: "/openapi/v1/listMembers/{id}",
    tags: [TAG],
    summary: "Remove one membership (将一个客户从某个群组中删除)",
    description: `${WRITE} \`id\` is the membership id. Answers the removed membership.`,
    security,
    request: { params: listIdParamsSchema },
    responses: { 200: jsonResponse(wireMemberSchema, "The removed membership"), ...errors([...AUTHENTICATED_ERRORS, 404], { 404: "Unknown membership" }) },
  });
  registry.registerPath({
    method: "post",
    path: "/openapi/v1/listMembersBatch",
    tags: [TAG],
    summary: "Add many customers to lists (将多个客户加入某群组)",
    description: `${WRITE} All or none, at most 10,000 items: an unknown customer or list is a 400 whose details name each bad item (items.<i>.customerId), and nothing is written. Existing memberships are answered as they are.`,
    security,
    request: { body: json(listMembersBatchBodySchema, { items: [{ customerId: 91, listId: 1 }, { customerId: 92, listId: 1 }] }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(wireMemberSchema) }), "The memberships, in input order"), ...errors([...AUTHENTICATED_ERRORS, 413]) },
  });
  registry.registerPath({
    method: "post",
    path: "/openapi/v1/listservice/removeFromList",
    tags: [TAG],
    summary: "Remove customers from a list (将多个客户从某个群组中删除)",
    description: `${WRITE} Customers not in the list are skipped; \`removed\` counts those removed.`,
    security,
    request: { query: removeFromListQuerySchema },
    responses: { 200: jsonResponse(z.object({ removed: z.number().int() }), "How many left the list"), ...errors([...AUTHENTICATED_ERRORS, 404], UNKNOWN) },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi/v1/listservice/memberCount",
    tags: [TAG],
    summary: "Count a list's members (根据条件获取群组成员的数量)",
    description: `${READ} Members who joined from joinListDateSince to joinListDateTo, both included at the precision written (UTC, 2016-11-11T11:11:11).`,
    security,
    request: { query: memberCountQuerySchema },
    responses: { 200: jsonResponse(z.object({ count: z.number().int() }), "The count"), ...errors([...AUTHENTICATED_ERRORS, 404], UNKNOWN) },
  });
}
