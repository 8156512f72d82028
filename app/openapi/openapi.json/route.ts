import { openApiDocument } from "@/lib/openapi/document";

/** The OpenAPI 3.1 document of the public API: public, and cacheable (it changes only with a deploy). */
export function GET() {
  return Response.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
