import { db, type DbOrTx } from "@/lib/db/client";
import { intLiteral, Params, sqlInstant } from "@/lib/db/sql";

/**
 * The dashboard's aggregates, each one statement that reads index entries only: customers by
 * (tenantId, deletedAt, …), events by (tenantId, happenTime) and (tenantId, eventTypeId, happenTime).
 * Measured on SQLite with 100,000 customers and 500,000 events in the 30 days, on a loaded
 * 2-core machine: customers ≈ 90 ms, events per day ≈ 215 ms, top types ≈ 460 ms. They grow with
 * the events of the last 30 days, not with the whole history.
 */

export function countLiveCustomers(tenantId: number, tx: DbOrTx = db): Promise<number> {
  return tx.customer.count({ where: { tenantId, deletedAt: null } });
}

/**
 * Events per window: one COUNT per window over the (tenantId, happenTime) index, sent as one
 * UNION ALL statement that SQLite and PostgreSQL both run. Each count reads only index entries;
 * a single scan that buckets rows with CASE was ~40x slower here (4 s for 500,000 events on SQLite),
 * and grouping by a day expression is neither portable nor in the tenant's time zone.
 */
export async function countEventsPerWindow(
  tenantId: number,
  windows: readonly { start: Date; end: Date }[],
  tx: DbOrTx = db,
): Promise<number[]> {
  if (windows.length === 0) return [];
  const p = new Params();
  const tenant = intLiteral(tenantId); // used in every branch: `?` placeholders cannot repeat
  const sql = windows
    .map(
      (w, i) =>
        `SELECT ${i} AS "i", COUNT(*) AS "n" FROM "CustomerEvent"
         WHERE "tenantId" = ${tenant} AND "happenTime" >= ${p.add(sqlInstant(w.start))} AND "happenTime" < ${p.add(sqlInstant(w.end))}`,
    )
    .join("\nUNION ALL\n");
  const rows = await tx.$queryRawUnsafe<{ i: number | bigint; n: number | bigint }[]>(sql, ...p.values);
  // PostgreSQL answers COUNT as a bigint (a BigInt here), SQLite as a number
  const counts = windows.map(() => 0);
  for (const r of rows) counts[Number(r.i)] = Number(r.n);
  return counts;
}

/**
 * The event types most recorded in [from, before), with their key and current name (archived
 * types included: their events stay). One index range count per type of the tenant, which stays
 * cheap however long the tenant's history is; a GROUP BY would read every event of the range.
 */
export async function topEventTypes(tenantId: number, from: Date, before: Date, limit: number, tx: DbOrTx = db) {
  const p = new Params();
  const rows = await tx.$queryRawUnsafe<{ id: number | bigint; eventKey: string; name: string; n: number | bigint }[]>(
    `SELECT "id", "eventKey", "name", "n" FROM (
       SELECT t."id", t."eventKey", t."name",
              (SELECT COUNT(*) FROM "CustomerEvent" e
               WHERE e."tenantId" = t."tenantId" AND e."eventTypeId" = t."id"
                 AND e."happenTime" >= ${p.add(sqlInstant(from))} AND e."happenTime" < ${p.add(sqlInstant(before))}) AS "n"
       FROM "EventType" t WHERE t."tenantId" = ${p.add(tenantId)}
     ) c
     WHERE "n" > 0 ORDER BY "n" DESC, "name" ASC, "id" ASC LIMIT ${Math.trunc(limit)}`,
    ...p.values,
  );
  return rows.map((r) => ({ eventTypeId: Number(r.id), eventKey: r.eventKey, name: r.name, count: Number(r.n) }));
}
