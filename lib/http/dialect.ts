import type { ApiPrincipal } from "@/lib/access/api-keys";
import { statusOf, type DomainError } from "./errors";

export type DialectName = "events" | "lists" | "customers" | "scenarios" | "groups";

/** What an edge (a dialect or the console) may look at: the raw request and its parsed URL. */
export interface RequestContext {
  req: Request;
  url: URL;
}

/**
 * A vendor dialect at the edge: how it reads its credential, and how it wraps a result or an error.
 * Nothing else about a dialect lives here; business rules live in lib/<domain> services.
 */
export interface Dialect {
  name: DialectName;
  /** the credential scheme of the dialect, as named in the OpenAPI document */
  securityScheme: string;
  authenticate(ctx: RequestContext): Promise<ApiPrincipal>;
  /** the appKey a request's credential names, when it names one (failed attempts are throttled per appKey) */
  appKeyOf?(ctx: RequestContext): string | undefined;
  success(data: unknown, ctx: RequestContext, status: number): Response;
  failure(err: DomainError, ctx: RequestContext): Response;
}

export function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** `Retry-After` for a rate-limited error, `Allow` for a wrong method. */
export function retryHeaders(err: DomainError): Record<string, string> {
  const out: Record<string, string> = {};
  if (err.retryAfter) out["retry-after"] = String(err.retryAfter);
  if (err.kind === "not_allowed" && typeof err.params.allow === "string") out.allow = err.params.allow;
  return out;
}

/** The HTTP status of a domain error. */
export const statusOfError = (err: DomainError) => statusOf(err.kind);

/** The part of a composite `appKey.secret` credential before the dot. */
export function appKeyOfComposite(value: string | null): string | undefined {
  const dot = value ? value.indexOf(".") : -1;
  return dot > 0 ? value!.slice(0, dot) : undefined;
}
