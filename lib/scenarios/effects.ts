import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import type { ChangeAuthor } from "@/lib/customers/author";
import type { DbOrTx } from "@/lib/db/client";
import { chunk, intLiteral, Params, rowsSource } from "@/lib/db/sql";
import { fail, type DomainError } from "@/lib/errors";

/**
 * The internal effects of scenario steps, for a set of customers at once (a run is a set of one),
 * always inside the step's transaction (the one that writes the step log and checks the lease), so
 * each happens exactly once. Each effect is a few set statements, whatever the set's size:
 *
 * - addToGroup: one multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` (what it returns was added);
 * - removeFromGroup: one `DELETE … RETURNING`;
 * - setField / setStage: customer-changes.ts.
 *
 * A customer deleted meanwhile fails alone (customer_not_found); a group that is gone throws,
 * failing the step for the whole set. Group membership is written directly (the same statement the
 * groups service runs).
 */

export const scenarioAuthor = (scenarioName: string): ChangeAuthor => ({ actor: { ...SYSTEM_ACTOR, name: `scenario: ${scenarioName}` }, loginNo: null, name: `场景: ${scenarioName}` });

/** What an effect did for one customer: the step log's detail, or why the customer's run fails. */
export type EffectOutcome = { ok: true; detail: unknown } | { ok: false; error: string };

/** A run's failure as the run history shows it: `<reason>: <message>`. */
export const failure = (err: DomainError) => `${err.reason}: ${err.message}`;

const gone = (customerId: number): EffectOutcome => ({ ok: false, error: failure(fail("customer_not_found", `customer ${customerId} no longer exists`)) });

/** Ids per statement: literal integers, so only the SQL text grows. */
const IDS_PER_STATEMENT = 5000;
const ids = (list: readonly number[]) => list.map(intLiteral).join(", ");

async function groupOf(tx: DbOrTx, tenantId: number, groupId: number) {
  const p = new Params();
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT "id" FROM "Group" WHERE "tenantId" = ${p.add(tenantId)} AND "id" = ${p.add(groupId)}`, ...p.values);
  if (!rows.length) throw fail("group_not_found", `group ${groupId} no longer exists`, { params: { id: groupId } });
}

async function liveCustomers(tx: DbOrTx, tenantId: number, customerIds: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (const part of chunk(customerIds, IDS_PER_STATEMENT)) {
    const rows = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
      `SELECT "id" FROM "Customer" WHERE "tenantId" = ${intLiteral(tenantId)} AND "deletedAt" IS NULL AND "id" IN (${ids(part)})`,
    );
    for (const r of rows) out.push(Number(r.id));
  }
  return out;
}

/** Adds the customers to the group; the detail says whether each was not a member before. */
export async function addToGroup(tx: DbOrTx, tenantId: number, customerIds: readonly number[], groupId: number, now: Date): Promise<Map<number, EffectOutcome>> {
  await groupOf(tx, tenantId, groupId);
  const live = await liveCustomers(tx, tenantId, customerIds);
  const added = new Set<number>();
  for (const part of chunk(live, IDS_PER_STATEMENT)) {
    const p = new Params();
    const source = rowsSource(p, ["int", "int", "int", "timestamp", "timestamp"], part.map((id) => [tenantId, groupId, id, now, now]));
    const rows = await tx.$queryRawUnsafe<{ customerId: number | bigint }[]>(
      `INSERT INTO "GroupMember" ("tenantId", "groupId", "customerId", "joinedAt", "updatedAt") ${source}
       ON CONFLICT ("groupId", "customerId") DO NOTHING RETURNING "customerId"`,
      ...p.values,
    );
    for (const r of rows) added.add(Number(r.customerId));
  }
  const alive = new Set(live);
  return new Map(customerIds.map((id) => [id, alive.has(id) ? { ok: true, detail: { added: added.has(id) } } : gone(id)]));
}

/** Removes the customers from the group; the detail says whether each was a member. */
export async function removeFromGroup(tx: DbOrTx, tenantId: number, customerIds: readonly number[], groupId: number): Promise<Map<number, EffectOutcome>> {
  await groupOf(tx, tenantId, groupId);
  const removed = new Set<number>();
  for (const part of chunk(customerIds, IDS_PER_STATEMENT)) {
    const rows = await tx.$queryRawUnsafe<{ customerId: number | bigint }[]>(
      `DELETE FROM "GroupMember" WHERE "tenantId" = ${intLiteral(tenantId)} AND "groupId" = ${intLiteral(groupId)} AND "customerId" IN (${ids(part)}) RETURNING "customerId"`,
    );
    for (const r of rows) removed.add(Number(r.customerId));
  }
  return new Map(customerIds.map((id) => [id, { ok: true, detail: { removed: removed.has(id) } }]));
}
