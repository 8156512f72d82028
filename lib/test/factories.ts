import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/access/api-keys";
import { parseScopes } from "@/lib/access/scopes";
import { createTenant } from "@/lib/tenants/service";
import { createUser } from "@/lib/users/service";
import type { Role } from "@/lib/users/schemas";

const uid = () => randomBytes(3).toString("hex");

/** A tenant of its own for each test, with the default stages, categories and option lists. */
export async function makeTenant(name = "Test tenant") {
  return createTenant({ slug: `t-${uid()}`, name });
}

export async function makeApiKey(tenantId: number, scopes: string = "all", extra: { ratePerSecond?: number; burst?: number } = {}) {
  return createApiKey(tenantId, { name: `key-${uid()}`, scopes: parseScopes(scopes), ...extra });
}

export async function makeUser(tenantId: number, role: Role = "admin") {
  const id = uid();
  return createUser(tenantId, { email: `u-${id}@example.test`, password: "password-123", role, loginNo: `n${id}` });
}
