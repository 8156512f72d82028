import type { DomainError } from "@/lib/errors";

/**
 * The console's error body: `{error:{kind, reason, message, params, details:[{path, reason,
 * message, params}]}}`. The console words `reason` (with `params`) in the user's language; `message`
 * is plain English for logs and developers. No database or auth import: proxy.ts uses it too.
 */
export function consoleErrorBody(e: Pick<DomainError, "kind" | "reason" | "message" | "params" | "details">) {
  return {
    error: {
      kind: e.kind,
      reason: e.reason,
      message: e.message,
      params: e.params,
      details: e.details.map((d) => ({ path: d.path, reason: d.reason, message: d.message, params: d.params ?? {} })),
    },
  };
}
