import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";

/** How long a tenant's time zone is trusted without reading it again. */
const TTL_MS = 60_000;
const cache = new Map<number, { zone: string; until: number }>();

/**
 * The tenant's time zone (an IANA name such as Asia/Shanghai), in which the dialects read and write
 * wall-clock times. Cached for a minute per tenant; an unknown tenant is tenant_not_found.
 * The one helper for every domain.
 */
export async function tenantTimeZone(tenantId: number, tx: DbOrTx = db): Promise<string> {
  const hit = cache.get(tenantId);
  if (hit && hit.until > Date.now()) return hit.zone;
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } });
  if (!tenant) throw fail("tenant_not_found", "tenant not found", { params: { id: tenantId } });
  cache.set(tenantId, { zone: tenant.timeZone, until: Date.now() + TTL_MS });
  return tenant.timeZone;
}

/** After a tenant's time zone changes: read it again on next use. */
export function forgetTenantTimeZone(tenantId: number): void {
  cache.delete(tenantId);
}
