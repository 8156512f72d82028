import type { ApiPrincipal } from "@/lib/access/api-keys";
import type { DbOrTx } from "@/lib/db/client";

/** Who made a change: a console user, an API key, or the system itself (seeds, jobs). */
export interface Actor {
  type: "user" | "apikey" | "system";
  id: number | null;
  name: string | null;
}

export const actorOfApiKey = (p: Pick<ApiPrincipal, "apiKeyId" | "apiKeyName">): Actor => ({
  type: "apikey",
  id: p.apiKeyId,
  name: p.apiKeyName,
});

export const actorOfUser = (u: { id: number; name: string }): Actor => ({ type: "user", id: u.id, name: u.name });

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: null };

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `event_type.create` */
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/**
 * Writes one AuditLog row. Call it with the transaction of the change it records, so that the
 * change and its record commit or roll back together.
 */
export async function writeAudit(tx: DbOrTx, tenantId: number, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      details: entry.details === undefined ? undefined : JSON.parse(JSON.stringify(entry.details)),
    },
  });
}
