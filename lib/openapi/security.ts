import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { DialectName } from "@/lib/http/dialect";

/**
 * The five dialects' credentials as OpenAPI security schemes. A spec file names its dialect's
 * requirement with `securityOf("<dialect>")`; the customers dialect needs three query parameters
 * together, hence three schemes in one requirement.
 */
const SCHEMES = {
  eventsToken: {
    type: "apiKey",
    in: "header",
    name: "token",
    description: "events: the `token` from `POST /openapi/auth/token` (appKey + secret); valid for `expiresIn` seconds",
  },
  listsAccessToken: {
    type: "apiKey",
    in: "query",
    name: "access_token",
    description: "lists: the `access_token` from `GET /openapi/v1/oauth2/token?grant_type=client_credentials&appid=&secret=`",
  },
  customersAppId: { type: "apiKey", in: "query", name: "appid", description: "customers: the API key's appKey" },
  customersTimestamp: {
    type: "apiKey",
    in: "query",
    name: "timestamp",
    description: "customers: Unix seconds, within ±300 s of the server clock",
  },
  customersSignature: {
    type: "apiKey",
    in: "query",
    name: "sign",
    description: "customers: lowercase hex SHA-256 of appid + timestamp + secret",
  },
  scenariosApiKey: { type: "apiKey", in: "header", name: "x-api-key", description: "scenarios: `<appKey>.<secret>`" },
  groupsBitkey: { type: "apiKey", in: "header", name: "bitkey", description: "groups: `<appKey>.<secret>`" },
} as const;

const REQUIREMENTS: Record<DialectName, (keyof typeof SCHEMES)[]> = {
  events: ["eventsToken"],
  lists: ["listsAccessToken"],
  customers: ["customersAppId", "customersTimestamp", "customersSignature"],
  scenarios: ["scenariosApiKey"],
  groups: ["groupsBitkey"],
};

export function registerSecuritySchemes(registry: OpenAPIRegistry): void {
  for (const [name, scheme] of Object.entries(SCHEMES)) registry.registerComponent("securitySchemes", name, { ...scheme });
}

/** The `security` of an operation of `dialect` (all of its schemes together). */
export function securityOf(dialect: DialectName): Record<string, string[]>[] {
  return [Object.fromEntries(REQUIREMENTS[dialect].map((s) => [s, []]))];
}

/** For the unauthenticated routes (token exchanges, the document itself). */
export const NO_SECURITY: Record<string, string[]>[] = [];
