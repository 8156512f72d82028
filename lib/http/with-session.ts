import { currentUser, type SessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { fail } from "@/lib/errors";
import { handle, type Input, type InputSpec, type Out, type Schema } from "./core";
import { json, retryHeaders } from "./dialect";
import { consoleErrorBody } from "./console-error";
import { statusOf, type DomainError } from "./errors";

export interface SessionHandlerArgs<B, Q, P> extends Input<B, Q, P> {
  user: SessionUser;
  tenantId: number;
}

export const consoleFailure = (e: DomainError) => json(consoleErrorBody(e), statusOf(e.kind), retryHeaders(e));

/** The console's twin of withApiKey: session auth, role check, the same parsing core, the console's error body. */
export function withSession<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  options: InputSpec<B, Q, P> & { permission: Permission },
  handler: (args: SessionHandlerArgs<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>,
) {
  return handle(
    {
      label: "console",
      authenticate: async () => {
        const user = await currentUser();
        if (!user) throw fail("unauthenticated", "sign in first");
        if (!can(user.role, options.permission)) {
          throw options.permission === "admin"
            ? fail("admin_only", "only an admin may do this")
            : fail("read_only_role", "your role may only read");
        }
        return user;
      },
      success: (data, _ctx, status) => json(data ?? null, status),
      failure: consoleFailure,
    },
    options,
    ({ auth, ...input }) => handler({ ...input, user: auth, tenantId: auth.tenantId }),
  );
}
