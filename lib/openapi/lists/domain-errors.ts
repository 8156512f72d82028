import type { HandlerArgs } from "@/lib/http/with-api-key";
import { isDomainError, type ErrorKind } from "@/lib/errors";
import { statusOf as statusOfKind } from "@/lib/http/errors";

/**
 * The group dialects (lists, groups) render both error types: lib/http's (ZodError and credential
 * failures pass through `toDomainError` into it) and the domain's own in lib/errors.ts, which the
 * group service throws and which lib/http's mapper does not know yet. Until it does, a route's
 * handler is wrapped with `renderDomainErrors` so a domain error reaches the envelope intact
 * instead of becoming a redacted 500; afterwards the wrapper is a no-op.
 */

/** What either error type carries that an envelope needs. */
export interface RenderableError {
  kind: ErrorKind;
  message: string;
  reason?: string;
  details: { path?: string; message: string; reason?: string }[];
  retryAfter?: number;
}

export const statusOf = (err: RenderableError) => statusOfKind(err.kind);

/**
 * Runs a handler; a domain error it throws becomes `render(err)`. `asInvalid` lists kinds a route
 * answers as 400 (a batch that names unknown ids is bad input, not a missing resource).
 */
export function renderDomainErrors<A extends HandlerArgs<unknown, unknown, unknown>>(
  render: (err: RenderableError) => Response,
  handler: (args: A) => Promise<unknown>,
  opts: { asInvalid?: ErrorKind[] } = {},
) {
  return async (args: A): Promise<unknown> => {
    try {
      return await handler(args);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      const kind = opts.asInvalid?.includes(err.kind) ? "invalid" : err.kind;
      return render({ kind, message: err.message, reason: err.reason, details: err.details, retryAfter: err.retryAfter });
    }
  };
}
