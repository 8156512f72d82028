import { requireScopes, type ApiPrincipal } from "@/lib/access/api-keys";
import type { Scope } from "@/lib/access/scopes";
import { handle, type Edge, type Input, type InputSpec, type Out, type Schema } from "./core";
import type { Dialect, RequestContext } from "./dialect";
import { consumeRateLimit } from "./rate-limit";

export { MAX_BODY_BYTES, queryObject, readJson } from "./input";
export { methodsOf } from "./core";

export interface RouteOptions<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined>
  extends InputSpec<B, Q, P> {
  scopes: Scope[];
}

export interface HandlerArgs<B, Q, P> extends Input<B, Q, P> {
  principal: ApiPrincipal;
  tenantId: number;
}

function edgeOf<Auth>(dialect: Dialect, authenticate: (ctx: RequestContext) => Promise<Auth>): Edge<Auth> {
  return {
    label: dialect.name,
    credentials: true,
    authenticate,
    appKeyOf: dialect.appKeyOf,
    success: dialect.success,
    failure: dialect.failure,
  };
}

/**
 * The one wrapper of every public API route: authenticate with the dialect's credential (failed
 * attempts throttled), check scopes, rate-limit per key, parse params/query/body with zod, run the
 * handler, and render the result or anything thrown in the dialect's envelope.
 */
export function withApiKey<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(dialect: Dialect, options: RouteOptions<B, Q, P>, handler: (args: HandlerArgs<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>) {
  const edge = edgeOf(dialect, async (ctx) => {
    const principal = await dialect.authenticate(ctx);
    requireScopes(principal, options.scopes);
    await consumeRateLimit(`key:${principal.apiKeyId}`, principal.ratePerSecond, principal.burst);
    return principal;
  });
  return handle(edge, options, ({ auth, ...input }) => handler({ ...input, principal: auth, tenantId: auth.tenantId }));
}

/**
 * Routes of a dialect without its credential (token exchange): parsing, throttling of failed
 * credentials (the handler names the appKey with `claimAppKey`) and the envelopes.
 */
export function withDialect<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(dialect: Dialect, options: InputSpec<B, Q, P>, handler: (args: Input<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>) {
  return handle(edgeOf(dialect, async () => undefined), options, ({ auth: _none, ...input }) => handler(input));
}
