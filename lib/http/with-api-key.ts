import type { z } from "zod";
import { requireScopes, type ApiPrincipal } from "@/lib/access/api-keys";
import type { Scope } from "@/lib/access/scopes";
import type { Dialect, RequestContext } from "./dialect";
import { DomainError, toDomainError } from "./errors";
import { consumeRateLimit } from "./rate-limit";

export const MAX_BODY_BYTES = 1024 * 1024;

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined> {
  scopes: Scope[];
  body?: B;
  query?: Q;
  params?: P;
  /** the status of a success (201 for creations where the dialect says so) */
  status?: number;
  maxBodyBytes?: number;
}

export interface HandlerArgs<B, Q, P> extends RequestContext {
  principal: ApiPrincipal;
  tenantId: number;
  body: B;
  query: Q;
  params: P;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper of every public API route: authenticate with the dialect's credential, check
 * scopes, rate-limit per key, parse params/query/body with zod, run the handler, and render the
 * result or anything thrown in the dialect's envelope. Unknown faults are logged and redacted.
 */
export function withApiKey<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  dialect: Dialect,
  options: RouteOptions<B, Q, P>,
  handler: (args: HandlerArgs<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>,
) {
  return async (req: Request, routeCtx?: RouteContext): Promise<Response> => {
    const ctx: RequestContext = { req, url: new URL(req.url) };
    try {
      const principal = await dialect.authenticate(ctx);
      requireScopes(principal, options.scopes);
      await consumeRateLimit(`key:${principal.apiKeyId}`, principal.ratePerSecond, principal.burst);

      const params = options.params ? options.params.parse((await routeCtx?.params) ?? {}) : undefined;
      const query = options.query ? options.query.parse(queryObject(ctx.url)) : undefined;
      const body = options.body
        ? options.body.parse(await readJson(req, options.maxBodyBytes ?? MAX_BODY_BYTES))
        : undefined;

      const result = await handler({
        ...ctx,
        principal,
        tenantId: principal.tenantId,
        body: body as Out<B>,
        query: query as Out<Q>,
        params: params as Out<P>,
      });
      return result instanceof Response ? result : dialect.success(result, ctx, options.status ?? 200);
    } catch (err) {
      return renderError(dialect, err, ctx);
    }
  };
}

/** For unauthenticated dialect routes (token exchange): parsing and envelopes, no credential. */
export function withDialect(dialect: Dialect, handler: (ctx: RequestContext) => Promise<unknown>, status = 200) {
  return async (req: Request): Promise<Response> => {
    const ctx: RequestContext = { req, url: new URL(req.url) };
    try {
      const result = await handler(ctx);
      return result instanceof Response ? result : dialect.success(result, ctx, status);
    } catch (err) {
      return renderError(dialect, err, ctx);
    }
  };
}

export function renderError(dialect: Dialect, err: unknown, ctx: RequestContext): Response {
  const domain = toDomainError(err);
  if (domain.kind === "internal") {
    console.error(`[${dialect.name}] ${ctx.req.method} ${ctx.url.pathname} failed:`, err);
  }
  return dialect.failure(domain, ctx);
}

/** Query parameters as an object; a repeated key becomes an array. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** Reads a JSON body of at most `limit` bytes: 413 above it, 400 for malformed JSON. */
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
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("invalid", "malformed JSON body");
  }
}

function tooLarge(limit: number) {
  return new DomainError("too_large", `request body is larger than ${Math.round(limit / 1024)} KiB`);
}
