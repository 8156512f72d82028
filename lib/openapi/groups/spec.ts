import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AUTHENTICATED_ERRORS, errorResponses, jsonResponse } from "../responses";
import { securityOf } from "../security";
import {
  groupBodySchema,
  groupMembersBodySchema,
  groupSearchBodySchema,
  groupsErrorSchema,
  groupsOk,
  groupsPage,
  pageQuerySchema,
  wireGroupMemberSchema,
  wireGroupSchema,
} from "./wire";

/**
 * The groups dialect (seed 004) in the OpenAPI document; see docs/api/groups.md for the choices
 * made where the seed is silent.
 */
const TAG = "groups";
const READ = "Needs the scope groups:read.";
const WRITE = "Needs the scope groups:write.";
const errors = (statuses: number[], overrides: Record<number, string> = {}) => errorResponses(groupsErrorSchema, statuses, overrides);
const json = (schema: z.ZodType, example?: unknown) => ({
  required: true,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});
const ok = (item: z.ZodType, description = "Success") => jsonResponse(groupsOk(groupsPage(item)), description);
const nameParam = z.object({ name: z.string().describe("The group's exact name, URL-encoded (e.g. %E9%87%91%E5%8D%A1)") });
const BY_NAME = {
  404: "No group of that name (or no customer of a name given)",
  409: "Several groups (or customers) share the name; or a rename to a taken name; or deleting a group that has customers",
};

export function registerGroupsSpec(registry: OpenAPIRegistry): void {
  const security = securityOf("groups");
  const path = "/openapi/customer_groups";
  registry.registerPath({
    method: "get",
    path,
    tags: [TAG],
    summary: "All groups (遍历客户组)",
    description: `${READ} In creation order. limit above 1000 or a negative offset is a 400.`,
    security,
    request: { query: pageQuerySchema },
    responses: { 200: ok(wireGroupSchema), ...errors(AUTHENTICATED_ERRORS) },
  });
  registry.registerPath({
    method: "post",
    path: `${path}/data`,
    tags: [TAG],
    summary: "Search groups (查询客户组)",
    description: `${READ} querys on name with eq, like (% any run, _ one character, \\ escapes; case-sensitive) or in; all must hold. sorts on name (by code point). Paging in the query string.`,
    security,
    request: {
      query: pageQuerySchema,
      body: json(groupSearchBodySchema, { querys: [{ name: "name", op: "like", values: ["group%"] }], sorts: [{ name: "name" }] }),
    },
    responses: { 200: ok(wireGroupSchema), ...errors(AUTHENTICATED_ERRORS) },
  });
  registry.registerPath({
    method: "post",
    path,
    tags: [TAG],
    summary: "Create a group (创建客户组)",
    description: `${WRITE} 201 when created; 200 when a group of that name exists already (skipped).`,
    security,
    request: { body: json(groupBodySchema, { name: "test_group" }) },
    responses: { 200: ok(wireGroupSchema, "Skipped: the name exists"), 201: ok(wireGroupSchema, "Created"), ...errors([...AUTHENTICATED_ERRORS, 413]) },
  });
  registry.registerPath({
    method: "get",
    path: `${path}/{name}`,
    tags: [TAG],
    summary: "One group by name (按客户组名查询客户组)",
    description: READ,
    security,
    request: { params: nameParam },
    responses: { 200: ok(wireGroupSchema), ...errors([...AUTHENTICATED_ERRORS, 404, 409], BY_NAME) },
  });
  for (const method of ["patch", "post"] as const) {
    registry.registerPath({
      method,
      path: `${path}/{name}`,
      tags: [TAG],
      summary: "Rename a group (按客户组名更新客户组)",
      description: `${WRITE} A name another group has is a 409.`,
      security,
      request: { params: nameParam, body: json(groupBodySchema, { name: "new_group_name" }) },
      responses: { 200: ok(wireGroupSchema), ...errors([...AUTHENTICATED_ERRORS, 404, 409, 413], BY_NAME) },
    });
  }
  registry.registerPath({
    method: "delete",
    path: `${path}/{name}`,
    tags: [TAG],
    summary: "Delete a group (按客户组名删除客户组)",
    description: `${WRITE} Only an empty group: one with customers is a 409.`,
    security,
    request: { params: nameParam },
    responses: { 200: ok(wireGroupSchema), ...errors([...AUTHENTICATED_ERRORS, 404, 409], BY_NAME) },
  });
  registry.registerPath({
    method: "get",
    path: `${path}/{name}/customers`,
    tags: [TAG],
    summary: "A group's customers (遍历客户组下的客户)",
    description: `${READ} Oldest membership first.`,
    security,
    request: { params: nameParam, query: pageQuerySchema },
    responses: { 200: ok(wireGroupMemberSchema), ...errors([...AUTHENTICATED_ERRORS, 404, 409], BY_NAME) },
  });
  registry.registerPath({
    method: "post",
    path: `${path}/{name}/customers`,
    tags: [TAG],
    summary: "Add customers to a group (添加客户到客户组)",
    description: `${WRITE} Customers by exact name. An item whose groupName is another group the customer is in moves it from there. All or none: an unknown name is a 404, a shared one a 409, naming the item (e.g. "1.name: …").`,
    security,
    request: { params: nameParam, body: json(groupMembersBodySchema, [{ name: "customer_0", groupName: "客户组名" }]) },
    responses: { 200: ok(wireGroupMemberSchema), ...errors([...AUTHENTICATED_ERRORS, 404, 409, 413], BY_NAME) },
  });
  registry.registerPath({
    method: "delete",
    path: `${path}/{name}/customers`,
    tags: [TAG],
    summary: "Remove customers from a group (从客户组移除客户)",
    description: `${WRITE} All or none: a customer not in the group is a 404 naming it; a groupName other than this group is a 400.`,
    security,
    request: { params: nameParam, body: json(groupMembersBodySchema, [{ name: "customer_0", groupName: "group_test" }]) },
    responses: { 200: ok(z.object({ name: z.string() })), ...errors([...AUTHENTICATED_ERRORS, 404, 409, 413], BY_NAME) },
  });
}
