/**
 * Percent-escapes that are not UTF-8 (`%ED%A0%80`, a lone surrogate) make Next fail while decoding
 * route params, with a plain-text 500 before any handler runs. proxy.ts finds them (no database
 * imports here: the proxy runs before every request) and hands /openapi ones to the catch-all route,
 * which answers in the envelope of the dialect the original path names.
 */

/** Where the proxy sends an /openapi request it refuses; served by app/openapi/[...rest]. */
export const REFUSED_ESCAPE_PATH = "/openapi/-invalid-percent-escape";

const decodes = (s: string) => {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

/**
 * Which part of the URL holds an escape that is not UTF-8, if any. Only the path: such a query does
 * not fail before the handler (`list_customers?query=%ED%A0%80` reaches authentication), and a check
 * of `url.search` here did not see the escape.
 */
export function badEscapeIn(url: URL): "path" | null {
  return decodes(url.pathname) ? null : "path";
}

/**
 * The refused request's stand-in: the catch-all path, with the part at fault and the original path
 * (still escaped, so only its dialect prefix is read). Calling it directly only ever answers a 400.
 */
export function refusedEscapeUrl(url: URL, part: "path"): URL {
  const to = new URL(REFUSED_ESCAPE_PATH, url);
  to.searchParams.set("part", part);
  to.searchParams.set("of", url.pathname);
  return to;
}

/** What the catch-all reads back from refusedEscapeUrl, or null for any other path. */
export function refusedEscapeOf(url: URL): { part: "path" | "query"; of: string } | null {
  if (url.pathname !== REFUSED_ESCAPE_PATH) return null;
  return { part: url.searchParams.get("part") === "query" ? "query" : "path", of: url.searchParams.get("of") ?? "" };
}
