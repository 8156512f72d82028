import { fail } from "@/lib/errors";
import { ORIGINAL_PATH_HEADER } from "@/lib/http/percent-escapes";
import { dialectOfPath } from "@/lib/openapi/route-dialects";

/**
 * Any path under /openapi that no route serves: 404 in the envelope of the dialect its prefix names.
 * A request whose path or query holds a percent-escape that is not UTF-8 arrives here from proxy.ts
 * with its original path: 400 in that path's dialect.
 */
async function unknownPath(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const original = req.headers.get(ORIGINAL_PATH_HEADER);
  if (original) {
    const part = url.searchParams.get("part") === "query" ? "query" : "path";
    const err = fail("invalid_string", `the ${part} holds a percent-escape that is not UTF-8`, { path: part });
    return dialectOfPath(original).failure(err, { req, url });
  }
  return dialectOfPath(url.pathname).failure(fail("route_not_found", `no such API path: ${req.method} ${url.pathname}`), { req, url });
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
