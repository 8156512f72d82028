import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { FIELD_LABELS, summarizeChange, type FieldName } from "@/lib/customers/alternations";
import type { ChangeAuthor } from "@/lib/customers/author";
import { resolveRefs, type ResolvedRefs } from "@/lib/customers/references";
import type { CustomerChanges } from "@/lib/customers/schemas";
import type { DbOrTx } from "@/lib/db/client";
import { chunk, instantLiteral, intLiteral, MAX_PARAMS, Params, rowsSource } from "@/lib/db/sql";
import { DomainError, fail, isDomainError } from "@/lib/errors";

/**
 * The internal effects of scenario steps, for a set of customers at once (a run is a set of one),
 * always inside the step's transaction (the one that writes the step log and checks the lease), so
 * each happens exactly once. Each effect is a few set statements, whatever the set's size:
 *
 * - addToGroup: one multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` (what it returns was added);
 * - removeFromGroup: one `DELETE … RETURNING`;
 * - setField / setStage: one read of the column as the change feed shows it, one `UPDATE` of the
 *   customers whose value differs, and one multi-row insert of their change records — the rows the
 *   customer service's update writes (lib/customers: the same labels, summary wording, author and
 *   time; the same stamp `updatedByNo`/`updatedAt` on the customers that changed).
 *
 * A customer deleted meanwhile fails alone (customer_not_found); a group, stage or option that is
 * gone throws, failing the step for the whole set. Group membership is written directly (the same
 * statement the groups service runs); the customer module's updateCustomer opens its own
 * transaction, so its pieces (reference resolution, the change feed's labels) are used here instead.
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

/**
 * The customer columns a scenario may write, with the change feed's field and, for references,
 * the table whose `name` the feed shows (lib/customers/alternations' snapshot).
 */
const COLUMNS = {
  name: { field: "name" },
  address: { field: "address" },
  companyName: { field: "companyName" },
  companyId: { field: "companyId" },
  score: { field: "score" },
  typeId: { field: "type", ref: "OptionItem" },
  dealFlagId: { field: "dealFlag", ref: "OptionItem" },
  sourceId: { field: "source", ref: "OptionItem" },
  stageId: { field: "stage", ref: "LifecycleStage" },
} as const satisfies Record<string, { field: FieldName; ref?: string }>;
type Column = keyof typeof COLUMNS;

type Raw = string | number | null;
const shownOf = (column: Column, raw: Raw, refName: string | null): string | null =>
  "ref" in COLUMNS[column] ? refName : column === "score" ? String(Number(raw)) : ((raw as string | null) ?? null);
const sameRaw = (a: Raw, b: Raw) => (a === null || b === null ? a === b : typeof b === "number" ? Number(a) === b : a === b);

/**
 * Applies one change set to the customers, with their change records (one per field whose shown
 * value changed); the detail lists the fields that changed for each customer.
 */
export async function changeCustomers(
  tx: DbOrTx,
  tenantId: number,
  customerIds: readonly number[],
  changes: CustomerChanges,
  author: ChangeAuthor,
  now: Date,
): Promise<Map<number, EffectOutcome>> {
  const out = new Map<number, EffectOutcome>();
  const live = await liveCustomers(tx, tenantId, customerIds);
  const alive = new Set(live);
  for (const id of customerIds) if (!alive.has(id)) out.set(id, gone(id));
  if (!live.length) return out;
  let refs: ResolvedRefs;
  try {
    refs = await resolveRefs(tenantId, changes, { ownerId: null, ownerDepartmentId: null }, tx);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    for (const id of live) out.set(id, { ok: false, error: failure(err) });
    return out;
  }
  const values: Partial<Record<Column, Raw>> = { name: changes.name, address: changes.address, companyName: changes.companyName, companyId: changes.companyId, score: changes.score, ...refs };
  const columns = (Object.keys(values) as Column[]).filter((c) => values[c] !== undefined);
  for (const c of columns) if (!(c in COLUMNS)) throw new Error(`a scenario cannot set the customer column ${c}`);
  // the feed's field order (diffSnapshots follows the snapshot's)
  const order = Object.keys(FIELD_LABELS) as FieldName[];
  columns.sort((a, b) => order.indexOf(COLUMNS[a].field) - order.indexOf(COLUMNS[b].field));
  if (!columns.length) {
    for (const id of live) out.set(id, { ok: true, detail: { changed: [] } });
    return out;
  }

  const newShown = new Map<Column, string | null>();
  for (const c of columns) {
    const spec = COLUMNS[c];
    const raw = values[c] as Raw;
    if ("ref" in spec && raw !== null) {
      const p = new Params();
      const [row] = await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "${spec.ref}" WHERE "id" = ${p.add(raw)}`, ...p.values);
      newShown.set(c, row?.name ?? null);
    } else newShown.set(c, shownOf(c, raw, null));
  }

  const select = columns.map((c, i) => `c."${c}" AS "v${i}"${"ref" in COLUMNS[c] ? `, r${i}."name" AS "s${i}"` : ""}`).join(", ");
  const joins = columns.map((c, i) => { const spec = COLUMNS[c]; return "ref" in spec ? `LEFT JOIN "${spec.ref}" r${i} ON r${i}."id" = c."${c}"` : ""; }).join(" ");
  const altered: { id: number; fields: { field: FieldName; old: string | null; now: string | null }[] }[] = [];
  const rewritten: number[] = [];
  for (const part of chunk(live, IDS_PER_STATEMENT)) {
    const rows = await tx.$queryRawUnsafe<Record<string, Raw>[]>(`SELECT c."id", ${select} FROM "Customer" c ${joins} WHERE c."id" IN (${ids(part)})`);
    for (const row of rows) {
      const id = Number(row.id);
      const fields: (typeof altered)[number]["fields"] = [];
      let differs = false;
      columns.forEach((c, i) => {
        const old = shownOf(c, row[`v${i}`], (row[`s${i}`] as string | null) ?? null);
        const next = newShown.get(c)!;
        if ((old ?? "") !== (next ?? "")) fields.push({ field: COLUMNS[c].field, old, now: next });
        if (!sameRaw(row[`v${i}`], values[c] as Raw)) differs = true;
      });
      if (fields.length) altered.push({ id, fields });
      else if (differs) rewritten.push(id);
      out.set(id, { ok: true, detail: { changed: fields.map((f) => f.field) } });
    }
  }

  const at = instantLiteral(now);
  const set = (p: Params) => columns.map((c) => `"${c}" = ${p.add(values[c])}`).join(", ");
  for (const part of chunk(altered.map((a) => a.id), IDS_PER_STATEMENT)) {
    const p = new Params();
    await tx.$executeRawUnsafe(`UPDATE "Customer" SET ${set(p)}, "updatedByNo" = ${p.add(author.loginNo)}, "updatedAt" = ${at} WHERE "id" IN (${ids(part)})`, ...p.values);
  }
  // a value that reads the same in the feed (an empty text for none) is still written, unrecorded
  for (const part of chunk(rewritten, IDS_PER_STATEMENT)) {
    const p = new Params();
    await tx.$executeRawUnsafe(`UPDATE "Customer" SET ${set(p)} WHERE "id" IN (${ids(part)})`, ...p.values);
  }
  const records = altered.flatMap((a) => a.fields.map((f) => ({ customerId: a.id, ...f })));
  for (const part of chunk(records, Math.floor(MAX_PARAMS / 9))) {
    const p = new Params();
    const rows = part.map((r) => [tenantId, r.customerId, r.field, r.old, r.now, summarizeChange(FIELD_LABELS[r.field], r.old, r.now), author.loginNo, author.name, now]);
    const source = rowsSource(p, ["int", "int", "text", "text", "text", "text", "text", "text", "timestamp"], rows);
    await tx.$executeRawUnsafe(`INSERT INTO "Alternation" ("tenantId", "customerId", "field", "oldValue", "newValue", "summary", "authorNo", "authorName", "createdAt") ${source}`, ...p.values);
  }
  return out;
}

/** A setField step's field and value as a customer change set. */
export function fieldChange(field: string, value: string | number | null): CustomerChanges {
  const text = value === null || value === "" ? null : String(value);
  switch (field) {
    case "custname":
      return { name: String(value ?? "") };
    case "address":
      return { address: text };
    case "companyName":
      return { companyName: text };
    case "companyId":
      return { companyId: text };
    case "score":
      return { score: Number(value) };
    case "custType":
      return { type: text === null ? null : { name: text } };
    case "dealFlag":
      return { dealFlag: text === null ? null : { name: text } };
    case "custFrom":
      return { source: text === null ? null : { name: text } };
    default:
      throw fail("scenario_invalid", `field "${field}" cannot be set by a scenario`);
  }
}
