import { NextResponse, type NextRequest } from "next/server";
import { fail } from "@/lib/errors";
import { consoleErrorBody } from "@/lib/http/console-error";
import { badEscapeIn, refusedEscapeUrl } from "@/lib/http/percent-escapes";

/**
 * A path or query with a percent-escape that is not UTF-8 (`/api/customers/%ED%A0%80`) would fail in
 * Next before any handler runs. Console API paths answer the console's JSON 400 here; /openapi
 * requests are rewritten to the catch-all route, which answers 400 in the envelope of the dialect the
 * original path names (the envelopes need no copy here, and the proxy imports no database).
 */
export function proxy(req: NextRequest) {
  const url = new URL(req.url);
  const part = badEscapeIn(url);
  if (!part) return NextResponse.next();
  if (url.pathname.startsWith("/openapi")) return NextResponse.rewrite(refusedEscapeUrl(url, part));
  const err = fail("invalid_string", `the ${part} holds a percent-escape that is not UTF-8`, { path: part });
  return NextResponse.json(consoleErrorBody(err), { status: 400 });
}

/**
 * Only paths that hold a percent-escape: running a proxy costs Next a web Request per call (about
 * half the CPU of an empty API route, bench/README.md "The proxy on every call"), and a path without
 * `%` cannot hold a bad escape.
 */
export const config = { matcher: ["/(api|openapi)/(.*%.*)"] };
