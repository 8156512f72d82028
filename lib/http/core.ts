import type { z } from "zod";
import { fail } from "@/lib/errors";
import type { RequestContext } from "./dialect";
import { toDomainError, type DomainError } from "./errors";
import { MAX_BODY_BYTES, assertSafeStrings, queryObject, readJson } from "./input";
import { clientAddress, credentialAttempt, type CredentialAttempt } from "./throttle";

/**
 * The one core under withApiKey, withDialect and withSession: it authenticates through the edge,
 * parses params/query/body with zod, runs the handler with typed input (never the Request), and
 * renders the result or anything thrown through the edge. Unknown faults are logged and redacted.
 */

export type Schema = z.ZodType;
export type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Who answers: a vendor dialect or the console. */
export interface Edge<Auth> {
  /** for logs: `[events] POST /openapi/… failed` */
  label: string;
  /** throttle failed credential attempts of this edge (per client address and appKey) */
  credentials?: boolean;
  authenticate(ctx: RequestContext): Promise<Auth>;
  appKeyOf?(ctx: RequestContext): string | undefined;
  success(data: unknown, ctx: RequestContext, status: number): Response;
  failure(err: DomainError, ctx: RequestContext): Response;
}

export interface InputSpec<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined> {
  body?: B;
  query?: Q;
  params?: P;
  /** the status of a success (201 for creations where the dialect says so) */
  status?: number;
  maxBodyBytes?: number;
}

export interface Input<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** an opaque token of this request (group commit counts requests on their way by it) */
  arrival: object;
  /** headers added to the success answer (paging counts and the like) */
  headers: Headers;
  /** a credential named by the input (token exchange): its failures are throttled per appKey */
  claimAppKey(appKey: string | undefined): Promise<void>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (req: Request, routeCtx?: RouteContext) => Promise<Response>;

export function handle<Auth, B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined>(
  edge: Edge<Auth>,
  spec: InputSpec<B, Q, P>,
  handler: (args: Input<Out<B>, Out<Q>, Out<P>> & { auth: Auth }) => Promise<unknown>,
): RouteHandler {
  return async (req, routeCtx) => {
    const ctx: RequestContext = { req, url: new URL(req.url) };
    let attempt: CredentialAttempt | undefined;
    try {
      if (edge.credentials) {
        attempt = await credentialAttempt(clientAddress(req));
        await attempt.claim(edge.appKeyOf?.(ctx));
      }
      const auth = await edge.authenticate(ctx);
      const rawParams = routeCtx ? await routeCtx.params : {};
      if (spec.params) assertSafeStrings(rawParams);
      const params = spec.params ? spec.params.parse(rawParams) : undefined;
      const query = spec.query ? spec.query.parse(queryObject(ctx.url)) : undefined;
      const body = spec.body ? spec.body.parse(await readJson(req, spec.maxBodyBytes ?? MAX_BODY_BYTES)) : undefined;
      const headers = new Headers();
      const result = await handler({
        auth,
        body: body as Out<B>,
        query: query as Out<Q>,
        params: params as Out<P>,
        arrival: req,
        headers,
        claimAppKey: async (appKey) => attempt?.claim(appKey),
      });
      if (result instanceof Response) return result;
      const res = edge.success(result, ctx, spec.status ?? 200);
      headers.forEach((value, name) => res.headers.set(name, value));
      return res;
    } catch (err) {
      const domain = toDomainError(err);
      if (domain.kind === "unauthorized") await attempt?.failed();
      if (domain.kind === "internal") console.error(`[${edge.label}] ${req.method} ${ctx.url.pathname} failed:`, err);
      return edge.failure(domain, ctx);
    }
  };
}

export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/**
 * Every method of a route module: the given ones, and for the others a 405 with `Allow` in the
 * edge's envelope (Next would answer an empty 405). Use as
 * `export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(dialect, { POST: withApiKey(…) })`.
 */
export function methodsOf(
  edge: Pick<Edge<unknown>, "failure">,
  given: Partial<Record<RouteMethod, RouteHandler>>,
): Record<RouteMethod, RouteHandler> {
  const allow = ROUTE_METHODS.filter((m) => given[m]).join(", ");
  const refuse: RouteHandler = async (req) =>
    edge.failure(fail("method_not_allowed", `${req.method} is not allowed here; use ${allow}`, { params: { allow, method: req.method } }), {
      req,
      url: new URL(req.url),
    });
  return Object.fromEntries(ROUTE_METHODS.map((m) => [m, given[m] ?? refuse])) as Record<RouteMethod, RouteHandler>;
}
