import { fail } from "@/lib/errors";
import { refusedEscapeOf } from "@/lib/http/percent-escapes";
import { dialectOfPath } from "@/lib/openapi/route-dialects";

/**
 * Any path under /openapi that no route serves: 404 in the envelope of the dialect its prefix names.
 * A request whose path or query holds a percent-escape that is not UTF-8 arrives here rewritten by
 * proxy.ts: 400 in the envelope of its original path's dialect.
 */
async function unknownPath(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const refused = refusedEscapeOf(url);
  if (refused) {
    const err = fail("invalid_string", `the ${refused.part} holds a percent-escape that is not UTF-8`, { path: refused.part });
    return dialectOfPath(refused.of).failure(err, { req, url });
  }
  return dialectOfPath(url.pathname).failure(fail("route_not_found", `no such API path: ${req.method} ${url.pathname}`), { req, url });
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
