import { db, type DbOrTx } from "@/lib/db/client";
import { Params, sqlInstant } from "@/lib/customer-events/sql";

/**
 * The dashboard's aggregates. Each is one query over an index: customers by (tenantId, deletedAt),
 * events by (tenantId, happenTime) and (tenantId, eventTypeId, happenTime).
 */

export function countLiveCustomers(tenantId: number, tx: DbOrTx = db): Promise<number> {
  return tx.customer.count({ where: { tenantId, deletedAt: null } });
}

/**
 * Events per window, in one scan of the (tenantId, happenTime) range the windows cover. Windows are
 * half-open [start, end), contiguous and in order; the buckets are computed in SQL with CASE, which
 * SQLite and PostgreSQL share (grouping by a day expression is not portable, and would be in UTC).
 */
export async function countEventsPerWindow(
  tenantId: number,
  windows: readonly { start: Date; end: Date }[],
  tx: DbOrTx = db,
): Promise<number[]> {
  if (windows.length === 0) return [];
  const p = new Params();
  const buckets = windows
    .map((w, i) => `SUM(CASE WHEN "happenTime" >= ${p.add(sqlInstant(w.start))} AND "happenTime" < ${p.add(sqlInstant(w.end))} THEN 1 ELSE 0 END) AS "d${i}"`)
    .join(",\n       ");
  const rows = await tx.$queryRawUnsafe<Record<string, number | bigint | null>[]>(
    `SELECT ${buckets}
     FROM "CustomerEvent"
     WHERE "tenantId" = ${p.add(tenantId)} AND "happenTime" >= ${p.add(sqlInstant(windows[0].start))} AND "happenTime" < ${p.add(sqlInstant(windows.at(-1)!.end))}`,
    ...p.values,
  );
  // SUM over no rows is NULL; PostgreSQL answers a bigint (a BigInt here), SQLite a number.
  return windows.map((_, i) => Number(rows[0]?.[`d${i}`] ?? 0));
}

/** The event types most recorded in [from, before), with their key and current name. */
export async function topEventTypes(tenantId: number, from: Date, before: Date, limit: number, tx: DbOrTx = db) {
  const groups = await tx.customerEvent.groupBy({
    by: ["eventTypeId"],
    where: { tenantId, happenTime: { gte: from, lt: before } },
    _count: { _all: true },
    orderBy: [{ _count: { eventTypeId: "desc" } }, { eventTypeId: "asc" }],
    take: limit,
  });
  if (groups.length === 0) return [];
  const types = await tx.eventType.findMany({
    where: { tenantId, id: { in: groups.map((g) => g.eventTypeId) } },
    select: { id: true, eventKey: true, name: true },
  });
  const byId = new Map(types.map((t) => [t.id, t]));
  return groups.map((g) => {
    const t = byId.get(g.eventTypeId);
    return { eventTypeId: g.eventTypeId, eventKey: t?.eventKey ?? "", name: t?.name ?? "", count: g._count._all };
  });
}
