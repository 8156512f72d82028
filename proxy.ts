import { NextResponse, type NextRequest } from "next/server";
import { fail } from "@/lib/errors";
import { consoleErrorBody } from "@/lib/http/console-error";
import { badEscapeIn, ORIGINAL_PATH_HEADER, REFUSED_ESCAPE_PATH } from "@/lib/http/percent-escapes";

/**
 * A path or query with a percent-escape that is not UTF-8 (`/api/customers/%ED%A0%80`) would fail in
 * Next before any handler runs. Console API paths answer the console's JSON 400 here; /openapi
 * requests go to the catch-all route with their original path, which answers 400 in the envelope of
 * the dialect that path names (the envelopes need no copy here, and the proxy imports no database).
 */
export function proxy(req: NextRequest) {
  const url = new URL(req.url);
  const openapi = url.pathname.startsWith("/openapi");
  const where = badEscapeIn(url);
  // only the proxy says where a refused request came from
  const forged = req.headers.has(ORIGINAL_PATH_HEADER);
  const headers = new Headers(req.headers);
  headers.delete(ORIGINAL_PATH_HEADER);
  if (!where) return forged ? NextResponse.next({ request: { headers } }) : NextResponse.next();
  if (openapi) {
    headers.set(ORIGINAL_PATH_HEADER, url.pathname);
    return NextResponse.rewrite(new URL(`${REFUSED_ESCAPE_PATH}?part=${where}`, url), { request: { headers } });
  }
  const err = fail("invalid_string", `the ${where} holds a percent-escape that is not UTF-8`, { path: where });
  return NextResponse.json(consoleErrorBody(err), { status: 400 });
}

export const config = { matcher: ["/api/:path*", "/openapi/:path*"] };
