import { NextResponse, type NextRequest } from "next/server";
import { fail } from "@/lib/errors";
import { consoleErrorBody } from "@/lib/http/console-error";

/**
 * A console API path with a percent-escape that is not UTF-8 (`/api/customers/%ED%A0%80`) makes Next
 * fail while decoding route params, with a plain-text 500 before any handler runs. Answer it here
 * as the console's JSON 400 instead.
 */
export function proxy(req: NextRequest) {
  try {
    decodeURIComponent(req.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    const err = fail("invalid_string", "the path holds a percent-escape that is not UTF-8", { path: "path" });
    return NextResponse.json(consoleErrorBody(err), { status: 400 });
  }
}

export const config = { matcher: "/api/:path*" };
