/**
 * Field messages for zod schemas that read well both under a console form field ("is required")
 * and in an API error, where `summarize` prefixes the path ("stageId: is required").
 *
 *   z.string({ error: expected("a string") })  →  "is required" | "must be a string"
 */
export function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`);
}
