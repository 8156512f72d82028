import type { z } from "zod";
import type { ErrorKind } from "@/lib/errors";
import { withApiKey, type HandlerArgs, type RouteOptions } from "@/lib/http/with-api-key";
import type { Dialect } from "@/lib/http/dialect";
import { renderDomainErrors, type RenderableError } from "./domain-errors";
import { listsDialect, listsError } from "./envelope";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route of a group dialect: withApiKey plus the domain-error bridge (domain-errors.ts). */
export function groupDialectRoute(dialect: Dialect, render: (err: RenderableError) => Response) {
  return function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
    options: RouteOptions<B, Q, P> & { asInvalid?: ErrorKind[] },
    handler: (args: HandlerArgs<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>,
  ) {
    return withApiKey(dialect, options, renderDomainErrors(render, handler, options));
  };
}

/** `export const GET = listsRoute({scopes: ["groups:read"], query: schema}, ({tenantId, query}) => …)` */
export const listsRoute = groupDialectRoute(listsDialect, listsError);
