import type { z } from "zod";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { json } from "./dialect";
import { DomainError, toDomainError } from "./errors";
import { queryObject, readJson } from "./with-api-key";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface SessionHandlerArgs<B, Q, P> {
  req: Request;
  url: URL;
  user: SessionUser;
  tenantId: number;
  body: B;
  query: Q;
  params: P;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The console's twin of withApiKey: session auth, role check, zod parsing, and one error body
 * `{error:{kind, message, details}}` for react-query.
 */
export function withSession<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  options: { permission: Permission; body?: B; query?: Q; params?: P; status?: number },
  handler: (args: SessionHandlerArgs<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>,
) {
  return async (req: Request, routeCtx?: RouteContext): Promise<Response> => {
    const url = new URL(req.url);
    try {
      const user = await currentUser();
      if (!user) throw new DomainError("unauthorized", "sign in first");
      if (!can(user.role, options.permission)) {
        throw new DomainError("forbidden", options.permission === "admin" ? "only an admin may do this" : "your role may only read");
      }
      const params = options.params ? options.params.parse((await routeCtx?.params) ?? {}) : undefined;
      const query = options.query ? options.query.parse(queryObject(url)) : undefined;
      const body = options.body ? options.body.parse(await readJson(req)) : undefined;
      const result = await handler({
        req,
        url,
        user,
        tenantId: user.tenantId,
        body: body as Out<B>,
        query: query as Out<Q>,
        params: params as Out<P>,
      });
      if (result instanceof Response) return result;
      return json(result ?? null, options.status ?? 200);
    } catch (err) {
      const e = toDomainError(err);
      if (e.kind === "internal") console.error(`[console] ${req.method} ${url.pathname} failed:`, err);
      return json({ error: { kind: e.kind, message: e.message, details: e.details } }, e.status);
    }
  };
}
