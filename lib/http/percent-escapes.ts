/**
 * Percent-escapes that are not UTF-8 (`%ED%A0%80`, a lone surrogate) make Next fail while decoding
 * route params, with a plain-text 500 before any handler runs. proxy.ts finds them (no database
 * imports here: the proxy runs before every request) and hands /openapi ones to the catch-all route,
 * which answers in the envelope of the dialect the original path names.
 */

/** Where the proxy sends an /openapi request it refuses; served by app/openapi/[...rest]. */
export const REFUSED_ESCAPE_PATH = "/openapi/-invalid-percent-escape";
/** The refused request's original path (its raw, still-escaped form), set only by the proxy. */
export const ORIGINAL_PATH_HEADER = "x-cdp-original-path";

const decodes = (s: string) => {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

/** Which part of the URL holds an escape that is not UTF-8, if any. */
export function badEscapeIn(url: URL): "path" | "query" | null {
  if (!decodes(url.pathname)) return "path";
  if (!decodes(url.search)) return "query";
  return null;
}
