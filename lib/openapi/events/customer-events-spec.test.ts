import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { describe, expect, it } from "vitest";
import { registerCustomerEventsSpec } from "@/lib/openapi/events/customer-events-spec";
import { registerSecuritySchemes } from "@/lib/openapi/security";

describe("customer events in the OpenAPI document", () => {
  it("documents the three routes from the schemas they validate with", () => {
    const registry = new OpenAPIRegistry();
    registerSecuritySchemes(registry);
    registerCustomerEventsSpec(registry);
    const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    const paths = doc.paths as Record<string, { post: { requestBody: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { headers?: object }> } }>;
    expect(Object.keys(paths)).toEqual([
      "/openapi/customer-event/create",
      "/openapi/customer-event/batchCreate",
      "/openapi/customer-event/queryByCustomerId",
    ]);
    const create = paths["/openapi/customer-event/create"].post.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(["event", "happenTime"]);
    expect(Object.keys(create.properties as object)).toEqual(expect.arrayContaining(["customerId", "attrValueList", "source8", "longitude", "eventId"]));
    expect(Object.keys(paths["/openapi/customer-event/queryByCustomerId"].post.responses["200"].headers ?? {})).toEqual([
      "x-total-count",
      "x-page-num",
      "x-page-size",
    ]);
  });
});
