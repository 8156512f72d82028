import type { Role } from "@/lib/users/schemas";

/** read: every role; write: marketers and admins; admin: users, API keys and tenant settings of access. */
export type Permission = "read" | "write" | "admin";

const GRANTS: Record<Role, Permission[]> = {
  viewer: ["read"],
  marketer: ["read", "write"],
  admin: ["read", "write", "admin"],
};

export function can(role: string, permission: Permission): boolean {
  return (GRANTS[role as Role] ?? []).includes(permission);
}
