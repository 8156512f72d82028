import { z } from "zod";
import type { Prisma } from "@/generated/sqlite/client";
import { isCalendarDate, parseTenantDate } from "@/lib/customer-events/time";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";

/** Reading the audit log (rows written by lib/audit/audit.ts): newest first, server-side paged. */

const day = z.string().trim().refine(isCalendarDate, "must be a date yyyy-MM-dd").optional();

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  /** `user:<id>`, `apikey:<id>` or `system` */
  actor: z
    .string()
    .trim()
    .regex(/^(user|apikey):\d+$|^system$/, "must be user:<id>, apikey:<id> or system")
    .optional(),
  entity: z.string().trim().max(50).optional(),
  /** first and last day shown, in the tenant's time zone, both included */
  from: day,
  to: day,
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditEntryDto {
  id: number;
  actor: { type: string; id: number | null; name: string | null };
  action: string;
  entity: string;
  entityId: string | null;
  details: unknown;
  createdAt: string;
}

export interface AuditPage {
  items: AuditEntryDto[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

function where(tenantId: number, q: AuditQuery, timeZone: string): Prisma.AuditLogWhereInput {
  const w: Prisma.AuditLogWhereInput = { tenantId };
  if (q.actor === "system") w.actorType = "system";
  else if (q.actor) {
    const [type, id] = q.actor.split(":");
    Object.assign(w, { actorType: type, actorId: Number(id) });
  }
  if (q.entity) w.entity = q.entity;
  const from = q.from ? parseTenantDate(q.from, timeZone) : undefined;
  // the day after `to` begins where the range ends
  const to = q.to ? new Date(parseTenantDate(q.to, timeZone).getTime() + 86_400_000) : undefined;
  if (from && to && from >= to) throw fail("range_reversed", "from is after to", { path: "from" });
  if (from || to) w.createdAt = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
  return w;
}

export async function listAuditEntries(tenantId: number, q: AuditQuery, timeZone: string, tx: DbOrTx = db): Promise<AuditPage> {
  const w = where(tenantId, q, timeZone);
  const [total, rows] = await Promise.all([
    tx.auditLog.count({ where: w }),
    tx.auditLog.findMany({ where: w, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      actor: { type: r.actorType, id: r.actorId, name: r.actorName },
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
    totalPages: Math.ceil(total / q.pageSize),
  };
}

/** The filter's choices: everyone who appears in the log, and every entity. */
export async function auditFacets(tenantId: number, tx: DbOrTx = db) {
  const [actors, entities] = await Promise.all([
    tx.auditLog.groupBy({ by: ["actorType", "actorId", "actorName"], where: { tenantId }, orderBy: { actorName: "asc" } }),
    tx.auditLog.groupBy({ by: ["entity"], where: { tenantId }, orderBy: { entity: "asc" } }),
  ]);
  const seen = new Set<string>();
  const actorList: { value: string; type: string; name: string | null }[] = [];
  for (const a of actors) {
    const value = a.actorType === "system" ? "system" : `${a.actorType}:${a.actorId}`;
    if (seen.has(value)) continue;
    seen.add(value);
    actorList.push({ value, type: a.actorType, name: a.actorName });
  }
  return { actors: actorList, entities: entities.map((e) => e.entity) };
}
