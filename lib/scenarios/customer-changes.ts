import { FIELD_LABELS, summarizeChange, type FieldName } from "@/lib/customers/alternations";
import type { ChangeAuthor } from "@/lib/customers/author";
import { resolveRefs } from "@/lib/customers/references";
import type { CustomerChanges } from "@/lib/customers/schemas";
import type { DbOrTx } from "@/lib/db/client";
import { chunk, instantLiteral, intLiteral, MAX_PARAMS, Params, rowsSource } from "@/lib/db/sql";
import { fail, isDomainError } from "@/lib/errors";
import { failure, type EffectOutcome } from "./effects";

/**
 * setField and setStage for a set of customers: consecutive steps that change customers are
 * applied together — one read of the columns as the change feed shows them, one UPDATE per kind of
 * outcome, one multi-row insert of change records — and each step still gets its own outcome:
 * the change records it would have written alone (one per field whose shown value it changed:
 * lib/customers' labels, summary wording, author and time, in step order), and the stamp
 * `updatedByNo`/`updatedAt` on the customers it changed. A customer deleted meanwhile fails at the
 * first step (customer_not_found); a step whose option or stage is gone fails for every customer
 * there, after the steps before it took effect, and the steps after it are not applied.
 * The customer service's updateCustomer opens its own transaction, so its pieces (reference
 * resolution, the feed's labels and wording) are used here instead.
 */

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

const FEED_ORDER = Object.keys(FIELD_LABELS) as FieldName[];
const IDS_PER_STATEMENT = 5000;
const ids = (list: readonly number[]) => list.map(intLiteral).join(", ");

const shownOf = (column: Column, raw: Raw, refName: string | null): string | null =>
  "ref" in COLUMNS[column] ? refName : column === "score" ? String(Number(raw)) : ((raw as string | null) ?? null);
const sameRaw = (a: Raw, b: Raw) => (a === null || b === null ? a === b : typeof b === "number" ? Number(a) === b : a === b);

/** One step's writes: each column with its value and how the feed shows it. */
interface StepWrite {
  columns: { column: Column; raw: Raw; shown: string | null }[];
}

async function resolveStep(tx: DbOrTx, tenantId: number, changes: CustomerChanges): Promise<StepWrite> {
  const refs = await resolveRefs(tenantId, changes, { ownerId: null, ownerDepartmentId: null }, tx);
  const values: Partial<Record<Column, Raw>> = { name: changes.name, address: changes.address, companyName: changes.companyName, companyId: changes.companyId, score: changes.score, ...refs };
  const columns = (Object.keys(values) as Column[]).filter((c) => values[c] !== undefined);
  for (const c of columns) if (!(c in COLUMNS)) throw new Error(`a scenario cannot set the customer column ${c}`);
  // the feed's field order (diffSnapshots follows the snapshot's)
  columns.sort((a, b) => FEED_ORDER.indexOf(COLUMNS[a].field) - FEED_ORDER.indexOf(COLUMNS[b].field));
  const out: StepWrite = { columns: [] };
  for (const column of columns) {
    const spec = COLUMNS[column];
    const raw = values[column] as Raw;
    let shown = shownOf(column, raw, null);
    if ("ref" in spec && raw !== null) {
      const p = new Params();
      const [row] = await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "${spec.ref}" WHERE "id" = ${p.add(raw)}`, ...p.values);
      shown = row?.name ?? null;
    }
    out.columns.push({ column, raw, shown });
  }
  return out;
}

/**
 * Applies the steps' change sets (`steps[i]()` builds step i's; it may throw a domain error) to the
 * customers. Returns, per step, each customer's outcome there: the fields that changed, or why its
 * run fails. A customer failed at a step has no outcome for the steps after it.
 */
export async function changeCustomers(
  tx: DbOrTx,
  tenantId: number,
  customerIds: readonly number[],
  steps: readonly (() => CustomerChanges)[],
  author: ChangeAuthor,
  now: Date,
): Promise<Map<number, EffectOutcome>[]> {
  const out = steps.map(() => new Map<number, EffectOutcome>());
  const live = new Set<number>();
  for (const part of chunk(customerIds, IDS_PER_STATEMENT)) {
    const rows = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
      `SELECT "id" FROM "Customer" WHERE "tenantId" = ${intLiteral(tenantId)} AND "deletedAt" IS NULL AND "id" IN (${ids(part)})`,
    );
    for (const r of rows) live.add(Number(r.id));
  }
  for (const id of customerIds) if (!live.has(id)) out[0].set(id, { ok: false, error: failure(fail("customer_not_found", `customer ${id} no longer exists`)) });
  if (!live.size) return out;

  // resolve each step's references in turn; a step that cannot be done ends the chain there
  const writes: StepWrite[] = [];
  for (let i = 0; i < steps.length; i++) {
    try {
      writes.push(await resolveStep(tx, tenantId, steps[i]()));
    } catch (err) {
      if (!isDomainError(err)) throw err;
      for (const id of live) out[i].set(id, { ok: false, error: failure(err) });
      break;
    }
  }
  const columns = [...new Set(writes.flatMap((w) => w.columns.map((c) => c.column)))];
  if (!columns.length) {
    writes.forEach((_, i) => live.forEach((id) => out[i].set(id, { ok: true, detail: { changed: [] } })));
    return out;
  }

  // each customer through the steps, from the columns as they are now
  const finalRaw = new Map<Column, Raw>();
  for (const w of writes) for (const c of w.columns) finalRaw.set(c.column, c.raw);
  const select = columns.map((c, i) => `c."${c}" AS "v${i}"${"ref" in COLUMNS[c] ? `, r${i}."name" AS "s${i}"` : ""}`).join(", ");
  const joins = columns.map((c, i) => ("ref" in COLUMNS[c] ? `LEFT JOIN "${COLUMNS[c].ref}" r${i} ON r${i}."id" = c."${c}"` : "")).join(" ");
  const altered: number[] = [];
  const rewritten: number[] = [];
  const records: { customerId: number; field: FieldName; old: string | null; now: string | null }[] = [];
  for (const part of chunk([...live], IDS_PER_STATEMENT)) {
    const rows = await tx.$queryRawUnsafe<Record<string, Raw>[]>(`SELECT c."id", ${select} FROM "Customer" c ${joins} WHERE c."id" IN (${ids(part)})`);
    for (const row of rows) {
      const id = Number(row.id);
      const state = new Map(columns.map((c, i) => [c, { raw: row[`v${i}`], shown: shownOf(c, row[`v${i}`], (row[`s${i}`] as string | null) ?? null) }]));
      let changed = false;
      let differs = false;
      writes.forEach((w, i) => {
        const fields: FieldName[] = [];
        for (const c of w.columns) {
          const before = state.get(c.column)!;
          if ((before.shown ?? "") !== (c.shown ?? "")) {
            fields.push(COLUMNS[c.column].field);
            records.push({ customerId: id, field: COLUMNS[c.column].field, old: before.shown, now: c.shown });
          }
          state.set(c.column, { raw: c.raw, shown: c.shown });
        }
        if (fields.length) changed = true;
        out[i].set(id, { ok: true, detail: { changed: fields } });
      });
      for (const c of columns) if (!sameRaw(row[`v${columns.indexOf(c)}`], finalRaw.get(c)!)) differs = true;
      if (changed) altered.push(id);
      else if (differs) rewritten.push(id);
    }
  }

  const at = instantLiteral(now);
  const set = (p: Params) => columns.map((c) => `"${c}" = ${p.add(finalRaw.get(c))}`).join(", ");
  for (const part of chunk(altered, IDS_PER_STATEMENT)) {
    const p = new Params();
    await tx.$executeRawUnsafe(`UPDATE "Customer" SET ${set(p)}, "updatedByNo" = ${p.add(author.loginNo)}, "updatedAt" = ${at} WHERE "id" IN (${ids(part)})`, ...p.values);
  }
  // a value that reads the same in the feed (an empty text for none) is still written, unrecorded
  for (const part of chunk(rewritten, IDS_PER_STATEMENT)) {
    const p = new Params();
    await tx.$executeRawUnsafe(`UPDATE "Customer" SET ${set(p)} WHERE "id" IN (${ids(part)})`, ...p.values);
  }
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
