import type { ApiPrincipal } from "@/lib/access/api-keys";
import type { DomainError } from "./errors";

export type DialectName = "events" | "lists" | "customers" | "scenarios" | "groups";

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
  success(data: unknown, ctx: RequestContext, status: number): Response;
  failure(err: DomainError, ctx: RequestContext): Response;
}

export function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function retryHeaders(err: DomainError): Record<string, string> {
  return err.retryAfter ? { "retry-after": String(err.retryAfter) } : {};
}
