import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as documentRoute } from "@/app/openapi/openapi.json/route";
import { customersDialect } from "./customers/envelope";
import { eventsDialect } from "./events/envelope";
import { addEventTypeBodySchema, updateEventTypeBodySchema } from "./events/event-types";
import { groupsDialect } from "./groups/envelope";
import { listsDialect } from "./lists/envelope";
import { scenariosDialect } from "./scenarios/envelope";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }>; securitySchemes: Record<string, { type: string; in: string; name: string }> };
};
type Operation = {
  security?: Record<string, string[]>[];
  requestBody?: { content: { "application/json": { example?: unknown } } };
  responses: Record<string, { content?: { "application/json": { schema: { $ref?: string } } } }>;
};

async function fetchDocument() {
  const res = documentRoute();
  return { res, doc: (await res.json()) as Doc };
}

/** The route files of this slice, as URL paths. */
function routePaths(dir: string, prefix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routePaths(full, `${prefix}/${name}`);
    return name === "route.ts" ? [prefix] : [];
  });
}

describe("GET /openapi/openapi.json", () => {
  it("serves a public, cacheable OpenAPI 3.1 document", async () => {
    const { res, doc } = await fetchDocument();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/public/);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("documents every events route of app/openapi, with the events token except the token exchanges", async () => {
    const { doc } = await fetchDocument();
    const root = path.resolve(__dirname, "../../app/openapi");
    const ours = ["auth", "event-type", "stage", "v1/oauth2"].flatMap((d) => routePaths(path.join(root, d), `/openapi/${d}`));
    expect(ours.length).toBeGreaterThanOrEqual(8);
    for (const p of ours) expect(Object.keys(doc.paths)).toContain(p);
    for (const p of ours) {
      for (const op of Object.values(doc.paths[p])) {
        const open = p === "/openapi/auth/token" || p === "/openapi/v1/oauth2/token";
        expect({ p, security: op.security }).toEqual({ p, security: open ? [] : [{ eventsToken: [] }] });
      }
    }
  });

  it("declares each dialect's credential as the dialect's securityScheme names it", async () => {
    const { doc } = await fetchDocument();
    const schemes = doc.components.securitySchemes;
    for (const d of [eventsDialect, listsDialect, customersDialect, scenariosDialect, groupsDialect]) {
      expect(Object.keys(schemes)).toContain(d.securityScheme);
    }
    expect(schemes.eventsToken).toMatchObject({ type: "apiKey", in: "header", name: "token" });
    expect(schemes.listsAccessToken).toMatchObject({ in: "query", name: "access_token" });
    expect([schemes.customersAppId.name, schemes.customersTimestamp.name, schemes.customersSignature.name]).toEqual(["appid", "timestamp", "sign"]);
    expect(schemes.scenariosApiKey).toMatchObject({ in: "header", name: "x-api-key" });
    expect(schemes.groupsBitkey).toMatchObject({ in: "header", name: "bitkey" });
  });

  it("shows the same required fields the routes enforce, and examples the routes accept", async () => {
    const { doc } = await fetchDocument();
    const add = doc.components.schemas.EventsAddEventType;
    expect(add.required?.sort()).toEqual(["attrList", "eventKey", "isInteract", "name", "stageId"]);
    expect(doc.components.schemas.EventsUpdateEventType.required).toEqual(["eventKey"]);
    const addExample = doc.paths["/openapi/event-type/add"].post.requestBody?.content["application/json"].example;
    expect(addEventTypeBodySchema.safeParse(addExample).success).toBe(true);
    const updExample = doc.paths["/openapi/event-type/update"].post.requestBody?.content["application/json"].example;
    expect(updateEventTypeBodySchema.safeParse(updExample).success).toBe(true);
  });

  it("answers errors of the events routes in the events error envelope", async () => {
    const { doc } = await fetchDocument();
    const add = doc.paths["/openapi/event-type/add"].post;
    for (const status of ["400", "401", "403", "409", "413", "429"]) {
      expect(add.responses[status].content?.["application/json"].schema.$ref).toBe("#/components/schemas/EventsError");
    }
    expect(doc.components.schemas.EventsError.required).toEqual(["code", "msg", "data"]);
  });
});
