import { fail } from "@/lib/errors";
import { dialectOfPath } from "@/lib/openapi/route-dialects";

/** Any path under /openapi that no route serves: 404 in the envelope of the dialect its prefix names. */
async function unknownPath(req: Request): Promise<Response> {
  const url = new URL(req.url);
  return dialectOfPath(url.pathname).failure(fail("route_not_found", `no such API path: ${req.method} ${url.pathname}`), { req, url });
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
