import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AUTHENTICATED_ERRORS, errorResponses, jsonResponse } from "../responses";
import { securityOf } from "../security";
import { wireCustomerOutSchema } from "./wire-customer";
import { wireFeedSchema } from "./wire-feeds";
import { feedsQueryObject, listQuerySchema, lookupQueryObject, wireCustomerSchema } from "./wire-schemas";

/**
 * The customers dialect (seed 002) in the OpenAPI document. Request schemas are the ones the
 * routes validate with; see docs/api/customers.md for the choices made where the seed is silent.
 */
const TAG = "customers";
const READ = "Needs the scope customers:read (客户管理-读).";
const WRITE = "Needs the scope customers:write (客户管理-写).";

export const customersErrorSchema = z
  .object({
    success: z.literal(false),
    code: z.number().int().describe("2000 | 2005 | 2060 | 206201 | 206211 | 429; the HTTP status for credential and scope errors"),
    message: z.string().describe("The seed's text for the code, e.g. 未知错误"),
    exception: z.string().optional().describe("The reason, e.g. 验证失败: 电话13888888888已经使用"),
    errors: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional().describe("Offending fields (beyond the seed)"),
    callbackId: z.union([z.number(), z.string()]).optional(),
  })
  .meta({ id: "CustomersError" });

const success = (fields: Record<string, z.ZodType>) =>
  z.object({
    success: z.literal(true),
    code: z.literal(1000),
    message: z.literal("操作成功！"),
    callbackId: z.union([z.number(), z.string()]).optional().describe("The callbackId query parameter, echoed"),
    ...fields,
  });

const meta = z.object({ current_page: z.number().int(), total_pages: z.number().int(), total_count: z.number().int() });
const ok = (fields: Record<string, z.ZodType>) => ({ 200: jsonResponse(success(fields), "Success") });
const errors = (statuses: number[], overrides: Record<number, string> = {}) => errorResponses(customersErrorSchema, statuses, overrides);
const callback = z.object({ callbackId: z.string().optional().describe("Echoed back in the answer") });
const body = { required: true, content: { "application/json": { schema: z.object({ customer: wireCustomerSchema }) } } };
const LOOKUP_ERRORS = {
  400: "2060 无效的唯一标识符类型 (type missing or unknown); 2000 Couldn't find Customer (content missing)",
  404: "2005 没有找到该资源 / Couldn't find Customer",
};
const WRITE_ERRORS = {
  400: "2000 未知错误 with exception: param is missing or the value is empty: customer | 不正确的参数格式 | 找不到归属工号 | 归属工号存在但归属部门不存在 | 公司无此部门 | 员工不属于该部门 | 'xxx' is not a valid custtype | 缺少自定义字段 XXX",
  409: "2000 验证失败: 电话XXX已经使用 (or e-mail, crmId, identity in use)",
};

export function registerCustomersSpec(registry: OpenAPIRegistry): void {
  const security = securityOf("customers");
  registry.registerPath({
    method: "get",
    path: "/openapi/customers/filter_customers",
    tags: [TAG],
    summary: "Filter options (获取客户列表筛选条件参数)",
    description: `${READ} groupId and companyId of the seed are accepted and ignored: the API key's tenant decides.`,
    security,
    request: { query: callback },
    responses: {
      ...ok({
        result: z.object({
          custFromList: z.array(z.object({ name: z.string(), value: z.string() })),
          custTypeList: z.array(z.object({ name: z.string(), value: z.string() })),
          dealFlagList: z.array(z.object({ name: z.string(), value: z.string() })),
          loginNoList: z.array(z.string()),
          taskList: z.array(z.object({ name: z.string(), value: z.number().int() })),
        }),
      }),
      ...errors(AUTHENTICATED_ERRORS),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi/customers/list_customers",
    tags: [TAG],
    summary: "List customers (获取客户列表)",
    description: `${READ} 20 per page, newest first, at most 10,000 customers in all: total_count stops at 10000 and a page above 500 is 206201.`,
    security,
    request: { query: listQuerySchema.extend(callback.shape) },
    responses: { ...ok({ meta, result: z.array(wireCustomerOutSchema) }), ...errors(AUTHENTICATED_ERRORS, { 400: "206201 参数page不合法; 2000 for an unknown filter value" }) },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi/customers/get_customer",
    tags: [TAG],
    summary: "Get customers (获取客户详情)",
    description: `${READ} By id, cellphone, custName or companyName; every namesake is returned (at most 100).`,
    security,
    request: { query: lookupQueryObject.extend(callback.shape) },
    responses: { ...ok({ result: z.array(wireCustomerOutSchema) }), ...errors([...AUTHENTICATED_ERRORS, 404], LOOKUP_ERRORS) },
  });
  registry.registerPath({
    method: "post",
    path: "/openapi/customers/create_customer",
    tags: [TAG],
    summary: "Create a customer (创建客户)",
    description: WRITE,
    security,
    request: { query: callback, body },
    responses: { ...ok({ customer: wireCustomerOutSchema }), ...errors([...AUTHENTICATED_ERRORS, 409, 413], WRITE_ERRORS) },
  });
  registry.registerPath({
    method: "put",
    path: "/openapi/customers/update_customer",
    tags: [TAG],
    summary: "Update a customer (更新客户)",
    description: `${WRITE} Only the fields sent change; null or "" clears one. Every changed field is recorded as an Alternation feed.`,
    security,
    request: { query: lookupQueryObject.extend(callback.shape), body },
    responses: {
      ...ok({ customer: wireCustomerOutSchema }),
      ...errors([...AUTHENTICATED_ERRORS, 404, 409, 413], { ...WRITE_ERRORS, 404: LOOKUP_ERRORS[404], 409: `${WRITE_ERRORS[409]}; several customers of that name` }),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/openapi/customers/destroy_customer",
    tags: [TAG],
    summary: "Delete a customer (删除客户)",
    description: `${WRITE} Soft delete: the customer disappears and frees its phones, e-mail, CRM id and identities; its history stays.`,
    security,
    request: { query: lookupQueryObject.extend(callback.shape) },
    responses: { ...ok({ customer_id: z.number().int() }), ...errors([...AUTHENTICATED_ERRORS, 404, 409], LOOKUP_ERRORS) },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi/customers/feeds",
    tags: [TAG],
    summary: "A customer's history (获取客户历史记录列表)",
    description: `${READ} One feed_type at a time, newest first; times yyyy-MM-dd HH:mm:ss in the tenant's zone.`,
    security,
    request: { query: feedsQueryObject.extend(callback.shape) },
    responses: {
      ...ok({ feeds: z.array(wireFeedSchema), meta }),
      ...errors([...AUTHENTICATED_ERRORS, 404], { ...LOOKUP_ERRORS, 400: `${LOOKUP_ERRORS[400]}; 206201 参数page不合法; 206211 参数page_size不合法` }),
    },
  });
}
