import { fail } from "@/lib/errors";

/**
 * Reading a request's input at the edge: the JSON body (size-capped), the query string, and one
 * check every string passes once, here, before any service sees it.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

/** A NUL, or a UTF-16 surrogate without its partner: neither can be stored alike on both databases. */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_STRING_MESSAGE = "must not contain a NUL character or a lone UTF-16 surrogate";

function unsafe(path: string) {
  return fail("invalid_string", `${path || "body"}: ${UNSAFE_STRING_MESSAGE}`, { path: path || "body" });
}

/** Throws invalid_string naming the first string (value or key) that holds a NUL or a lone surrogate. */
export function assertSafeStrings(value: unknown, path = ""): void {
  if (typeof value === "string") {
    if (UNSAFE.test(value)) throw unsafe(path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertSafeStrings(v, path ? `${path}.${i}` : String(i)));
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (UNSAFE.test(key)) throw unsafe(at);
      assertSafeStrings(v, at);
    }
  }
}

/** Query parameters as an object; a repeated key becomes an array. Unsafe strings are refused. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  assertSafeStrings(out);
  return out;
}

/** Reads a JSON body of at most `limit` bytes: 413 above it, 400 for malformed JSON or unsafe strings. */
export async function readJson(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const reader = req.body?.getReader();
  if (!reader) return {};
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail("malformed_json", "malformed JSON body");
  }
  assertSafeStrings(parsed);
  return parsed;
}

function tooLarge(limit: number) {
  return fail("body_too_large", `request body is larger than ${Math.round(limit / 1024)} KiB`, {
    params: { limitKiB: Math.round(limit / 1024) },
  });
}
