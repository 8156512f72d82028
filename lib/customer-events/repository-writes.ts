import type { DbOrTx } from "@/lib/db/client";
import { eachRow, type Runner } from "@/lib/db/driver";
import { chunk, currentProvider, q, sqlInstant } from "@/lib/db/sql";
import { ATTRIBUTE_TYPES, CONTEXT_FIELDS, type AttributeType, type ContextField } from "./schemas";

/**
 * The writes of customer events, inside the caller's transaction: the hot ingestion path. Each
 * statement has one fixed text whatever the number of rows, so it is prepared once per connection:
 *
 * - PostgreSQL: one statement per table per batch, the rows as one JSON parameter
 *   (`json_to_recordset`; absent values are left out and read as NULL): one round trip, no SQL text
 *   that grows with the batch. JSON rather than one array per column (`unnest($1::int4[], …)`):
 *   V8 writes it natively, where node-pg escapes array elements one by one, and it is smaller (a
 *   batch's ~15 empty context columns are not 15 arrays of NULLs): ≈ 4 ms less a batch.
 * - SQLite: one single-row statement run once per row (lib/db/driver.ts `eachRow`), which is how
 *   SQLite takes many rows fastest: a 1,000-row VALUES list costs SQLite ~10 ms just to compile.
 *
 * Instants are written as Prisma writes them (sql.ts `sqlInstant`), so Prisma's reads agree.
 */

type Tx = DbOrTx | Runner;

export interface NewEventRow extends Partial<Record<ContextField, string>> {
  tenantId: number;
  customerId: number;
  eventTypeId: number;
  eventKey: string;
  eventName: string;
  eventValue?: string;
  happenTime: Date;
  scheduledTime?: Date;
  idempotencyKey?: string;
  recordedBy: string | null;
}

/** The event columns written, with their PostgreSQL types (json_to_recordset reads them as these). */
const EVENT_COLUMNS: readonly (readonly [keyof NewEventRow | "createdAt", string])[] = [
  ["tenantId", "int4"],
  ["customerId", "int4"],
  ["eventTypeId", "int4"],
  ["eventKey", "text"],
  ["eventName", "text"],
  ["eventValue", "text"],
  ["happenTime", "timestamp(3)"],
  ["scheduledTime", "timestamp(3)"],
  ["idempotencyKey", "text"],
  ...CONTEXT_FIELDS.map((f) => [f, "text"] as const),
  ["recordedBy", "text"],
  ["createdAt", "timestamp(3)"],
];

const columnList = (cols: readonly (readonly [string, string])[]) => cols.map(([c]) => q(c)).join(", ");

/** `INSERT … SELECT … FROM json_to_recordset($1) WITH ORDINALITY ORDER BY ord`: rows in the JSON array's order. */
function pgJsonInsert(table: string, cols: readonly (readonly [string, string])[], tail = ""): string {
  const names = cols.map(([c]) => q(c)).join(", ");
  const typed = cols.map(([c, type]) => `${q(c)} ${type}`).join(", ");
  return `INSERT INTO ${q(table)} (${names})
    SELECT ${cols.map(([c]) => `u.${q(c)}`).join(", ")} FROM ROWS FROM (json_to_recordset($1::json) AS (${typed})) WITH ORDINALITY AS u(${names}, "ord")
    ORDER BY u."ord" ${tail}`;
}

/** Rows as the JSON json_to_recordset reads: one object per row (of `cell`s), absent values left out. */
function jsonRows<R>(rows: readonly R[], cols: readonly (readonly [string, string])[], value: (r: R, column: string) => unknown): string {
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const [c] of cols) {
        const v = value(r, c);
        if (v != null) o[c] = v;
      }
      return o;
    }),
  );
}

const PG_INSERT_EVENTS = pgJsonInsert(
  "CustomerEvent",
  EVENT_COLUMNS,
  `ON CONFLICT ("tenantId", "idempotencyKey") DO NOTHING RETURNING "id", "idempotencyKey" AS "k"`,
);
const SQLITE_INSERT_EVENT = `INSERT INTO "CustomerEvent" (${columnList(EVENT_COLUMNS)}) VALUES (${EVENT_COLUMNS.map(() => "?").join(", ")})
  ON CONFLICT ("tenantId", "idempotencyKey") DO NOTHING RETURNING "id"`;

/**
 * A cell as both engines take it: instants as Prisma writes them, absent values as NULL, and text
 * well-formed: half of a surrogate pair (which JSON.parse lets a request carry) becomes U+FFFD, as
 * PostgreSQL's JSON parser would refuse it and SQLite would store it as three bytes of invalid UTF-8.
 */
const cell = (v: unknown) => {
  if (typeof v === "string") return v.isWellFormed() ? v : v.toWellFormed();
  return v instanceof Date ? sqlInstant(v) : (v ?? null);
};

/** The largest number of rows written by one PostgreSQL statement. */
const PG_ROWS_PER_STATEMENT = 5000;

/**
 * Inserts events. A row whose idempotencyKey the tenant already has (a concurrent duplicate that
 * slipped past the pre-check) is skipped by ON CONFLICT, not an error. Returns the new id of each
 * row, or null for a skipped one. Rows must not repeat a key.
 */
export async function insertEvents(tx: Tx, rows: readonly NewEventRow[], now: Date): Promise<(number | null)[]> {
  const createdAt = sqlInstant(now);
  const values = (r: NewEventRow) => EVENT_COLUMNS.map(([c]) => (c === "createdAt" ? createdAt : cell(r[c])));
  if (currentProvider() === "sqlite") {
    const returned = await eachRow<{ id: number }>(tx, SQLITE_INSERT_EVENT, rows.map(values));
    return returned.map((r) => (r ? Number(r.id) : null));
  }
  const ids: (number | null)[] = [];
  for (const part of chunk(rows, PG_ROWS_PER_STATEMENT)) {
    const json = jsonRows(part, EVENT_COLUMNS, (r, c) => (c === "createdAt" ? createdAt : cell(r[c as keyof NewEventRow])));
    const returned = await tx.$queryRawUnsafe<{ id: number | string; k: string | null }[]>(PG_INSERT_EVENTS, json);
    // RETURNING has no promised order, but ids are drawn in the (ordered) rows' order: sorted ids,
    // matched to the rows that were not skipped, give each row its id.
    const newIds = returned.map((r) => Number(r.id)).sort((a, b) => a - b);
    const insertedKeys = new Set(returned.map((r) => r.k).filter((k): k is string => k != null));
    let next = 0;
    for (const r of part) {
      const inserted = r.idempotencyKey == null || insertedKeys.has(r.idempotencyKey);
      ids.push(inserted ? (newIds[next++] ?? null) : null);
    }
    if (next !== newIds.length) throw new Error("customer events: inserted rows do not match the batch");
  }
  return ids;
}

export interface NewAttributeRow {
  /** copied from the event, so attribute conditions are answered from the attribute table alone */
  tenantId: number;
  eventTypeId: number;
  eventId: number;
  attrKey: string;
  type: AttributeType;
  value: string;
  numValue: number | null;
  timeValue: Date | null;
}

const ATTRIBUTE_COLUMNS = [
  ["tenantId", "int4"],
  ["eventTypeId", "int4"],
  ["eventId", "int8"],
  ["attrKey", "text"],
  ["type", "text"],
  ["value", "text"],
  ["numValue", "float8"],
  ["timeValue", "timestamp(3)"],
] as const satisfies readonly (readonly [keyof NewAttributeRow, string])[];

const PG_INSERT_ATTRIBUTES = pgJsonInsert("CustomerEventAttribute", ATTRIBUTE_COLUMNS);
const SQLITE_INSERT_ATTRIBUTE = `INSERT INTO "CustomerEventAttribute" (${columnList(ATTRIBUTE_COLUMNS)}) VALUES (${ATTRIBUTE_COLUMNS.map(() => "?").join(", ")})`;

export async function insertAttributes(tx: Tx, rows: readonly NewAttributeRow[]): Promise<void> {
  for (const r of rows) if (!ATTRIBUTE_TYPES.includes(r.type)) throw new TypeError(`not an attribute type: ${r.type}`);
  if (currentProvider() === "sqlite") {
    await eachRow(tx, SQLITE_INSERT_ATTRIBUTE, rows.map((r) => ATTRIBUTE_COLUMNS.map(([c]) => cell(r[c]))));
    return;
  }
  for (const part of chunk(rows, PG_ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(PG_INSERT_ATTRIBUTES, jsonRows(part, ATTRIBUTE_COLUMNS, (r, c) => cell(r[c as keyof NewAttributeRow])));
  }
}

export interface CustomerEffect {
  customerId: number;
  /** the stage to move to; null keeps the current one */
  stageId: number | null;
  scoreDelta: number;
}

/**
 * The stage moves and score increments of a batch, one effect per customer. A customer whose stage
 * and score both stay as they are is not written (nor is its updatedAt moved). SQLite leaves an
 * index entry alone when the row's new values leave it as it was (a stage set to the stage the
 * customer has costs no write to the stage index); on PostgreSQL an UPDATE that changes an indexed
 * column writes an entry in every index of the row whatever it sets, so score and updatedAt are not
 * indexed (prisma/schema.prisma): a score move is a HOT update, and only a real stage move (stageId
 * is indexed) writes the customer's indexes.
 */
export async function applyCustomerEffects(tx: Tx, effects: readonly CustomerEffect[], now: Date): Promise<void> {
  const at = sqlInstant(now);
  if (currentProvider() === "sqlite") {
    await eachRow(
      tx,
      `UPDATE "Customer" SET "stageId" = COALESCE(?, "stageId"), "score" = "score" + ?, "updatedAt" = ?
       WHERE "id" = ? AND (? <> 0 OR (? IS NOT NULL AND "stageId" IS NOT ?))`,
      effects.map((e) => [e.stageId, e.scoreDelta, at, e.customerId, e.scoreDelta, e.stageId, e.stageId]),
    );
    return;
  }
  for (const part of chunk(effects, PG_ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(
      `UPDATE "Customer" AS c SET "stageId" = COALESCE(v."stageId", c."stageId"), "score" = c."score" + v."delta", "updatedAt" = $4::timestamp(3)
       FROM unnest($1::int4[], $2::int4[], $3::int4[]) AS v("id", "stageId", "delta")
       WHERE c."id" = v."id" AND (v."delta" <> 0 OR (v."stageId" IS NOT NULL AND v."stageId" IS DISTINCT FROM c."stageId"))`,
      part.map((e) => e.customerId),
      part.map((e) => e.stageId),
      part.map((e) => e.scoreDelta),
      at,
    );
  }
}
