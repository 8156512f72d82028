import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../document";

/** Every route file of the lists and groups dialects is in the document, with its dialect's credential. */
function routePaths(dir: string, prefix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routePaths(full, `${prefix}/${name.replace(/^\[(.+)\]$/, "{$1}")}`);
    return name === "route.ts" ? [prefix] : [];
  });
}

describe("OpenAPI document: lists and groups", () => {
  it("documents each route of both dialects with listsAccessToken or groupsBitkey", () => {
    const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { security?: unknown }>> };
    const root = path.resolve(__dirname, "../../../app/openapi");
    const lists = routePaths(path.join(root, "v1"), "/openapi/v1").filter((p) => !p.includes("oauth2"));
    const groups = routePaths(path.join(root, "customer_groups"), "/openapi/customer_groups");
    expect(lists).toHaveLength(7);
    expect(groups).toHaveLength(4);
    for (const [paths, scheme] of [[lists, "listsAccessToken"], [groups, "groupsBitkey"]] as const) {
      for (const p of paths) {
        expect(Object.keys(doc.paths)).toContain(p);
        for (const op of Object.values(doc.paths[p])) expect(op.security).toEqual([{ [scheme]: [] }]);
      }
    }
    expect(Object.keys(doc.paths["/openapi/customer_groups/{name}"]).sort()).toEqual(["delete", "get", "patch", "post"]);
  });
});
