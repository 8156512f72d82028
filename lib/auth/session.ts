import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { auth } from "./auth";
import { can, type Permission } from "./permissions";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: string;
  loginNo: string;
  tenantId: number;
  /** the console language the user chose; null follows the browser, then the tenant */
  locale?: string | null;
  tenant: { id: number; slug: string; name: string; timeZone: string; locale?: string };
}

/**
 * The signed-in user, re-read from the database on each request so that a role change or a
 * disabled account takes effect at once (the JWT carries only the id).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      loginNo: true,
      tenantId: true,
      locale: true,
      disabledAt: true,
      tenant: { select: { id: true, slug: true, name: true, timeZone: true, locale: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  const { disabledAt: _disabled, ...rest } = user;
  return rest;
});

/** For pages: the user, or a redirect to sign-in; a missing permission renders the 403 page. */
export async function requireUser(permission: Permission = "read"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (!can(user.role, permission)) redirect("/forbidden");
  return user;
}

export function assertPermission(user: SessionUser, permission: Permission): void {
  if (!can(user.role, permission)) {
    throw permission === "admin" ? fail("admin_only", "only an admin may do this") : fail("read_only_role", "your role may only read");
  }
}
