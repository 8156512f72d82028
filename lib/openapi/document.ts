import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerCustomersSpec } from "./customers/spec";
import { registerEventsSpec } from "./events/spec";
import { registerGroupsSpec } from "./groups/spec";
import { registerListsSpec } from "./lists/spec";
import { registerScenariosSpec } from "./scenarios/spec";
import { registerSecuritySchemes } from "./security";

/**
 * The OpenAPI 3.1 document of the public API, served at GET /openapi/openapi.json and rendered at
 * /docs/api. One registry; each dialect contributes its routes from lib/openapi/<dialect>/spec.ts.
 *
 * TO ADD A DIALECT: write lib/openapi/<dialect>/spec.ts exporting `register<Dialect>Spec(registry)`
 * (use `securityOf("<dialect>")` and `errorResponses(<its error schema>, …)`), then add ONE line to
 * DIALECT_SPECS below.
 */
const DIALECT_SPECS: ((registry: OpenAPIRegistry) => void)[] = [
  registerEventsSpec, // events (seed 000): token, event types, stages; also the lists token exchange
  registerListsSpec, // lists (seed 001): lists and list members by id
  registerCustomersSpec, // customers (seed 002): filter/list/get/create/update/destroy customers, feeds
  registerScenariosSpec, // scenarios (seed 003): custom event triggers for a customer or segments
  registerGroupsSpec, // groups (seed 004): customer groups and their customers by name
];

const TAGS = [
  { name: "events", description: "Seed 000: event-type metadata and customer events. Envelope `{code, msg, data}`; credential: `token` header." },
  { name: "lists", description: "Seed 001: static customer lists by id (DM Hub style). Bare resources, errors `{error:{code, message}}`; credential: `access_token` query." },
  { name: "customers", description: "Seed 002: call-centre customers. Envelope `{success, code, message}`; credential: signed query `appid`, `timestamp`, `sign`." },
  { name: "scenarios", description: "Seed 003: custom events for automation scenarios. 201 Created, RFC 7807 errors; credential: `x-api-key` header." },
  { name: "groups", description: "Seed 004: customer groups by name. Envelope `{status, data}`; credential: `bitkey` header." },
];

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registerSecuritySchemes(registry);
  for (const register of DIALECT_SPECS) register(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "cdp-console public API",
      version: "1.0.0",
      description:
        "Five vendor dialects over one customer-data model, each with its vendor's paths, fields, envelope and credential. " +
        "HTTP status codes are real in every dialect (400 bad input, 401 credential, 403 scope, 404 unknown, 409 conflict, " +
        "413 body over 1 MiB, 429 rate limit with Retry-After); the body always keeps the dialect's envelope. " +
        "Times like `yyyy-MM-dd HH:mm:ss` are in the tenant's time zone (default Asia/Shanghai).",
    },
    tags: TAGS,
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document, built once per process (it depends on code only). */
export function openApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}
