import type { DbOrTx } from "@/lib/db/client";
import { ATTRIBUTE_TYPES, CONTEXT_FIELDS, type AttributeType, type ContextField } from "./schemas";
import { chunk, instantLiteral, intLiteral, Params, q } from "@/lib/db/sql";

/**
 * The writes of customer events, inside the caller's transaction. Raw SQL with multi-row
 * statements because this is the hot ingestion path: Prisma's per-row `create` manages ~3,000
 * rows/s and `createMany` ~7,000 on this hardware, a multi-row INSERT through `$queryRawUnsafe`
 * ~57,000 (see docs/api/customer-events.md). The SQL is the subset SQLite and PostgreSQL share
 * (sql.ts), so there is one code path for both providers.
 */

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

const EVENT_COLUMNS = [
  "tenantId",
  "customerId",
  "eventTypeId",
  "eventKey",
  "eventName",
  "eventValue",
  "happenTime",
  "scheduledTime",
  "idempotencyKey",
  ...CONTEXT_FIELDS,
  "recordedBy",
  "createdAt",
] as const;

/**
 * Inserts events with multi-row INSERTs. A row whose idempotencyKey the tenant already has (a
 * concurrent duplicate that slipped past the pre-check) is skipped by ON CONFLICT, not an error.
 * Returns the new id of each row, or null for a skipped one. Rows must not repeat a key.
 */
export async function insertEvents(tx: DbOrTx, rows: readonly NewEventRow[], now: Date): Promise<(number | null)[]> {
  const ids: (number | null)[] = [];
  const createdAt = instantLiteral(now);
  // at most ~20 parameters per row (the strings); the statement also stays a reasonable size
  for (const part of chunk(rows, 1000)) {
    const p = new Params();
    const values = part.map((r) => {
      const cells = [
        intLiteral(r.tenantId),
        intLiteral(r.customerId),
        intLiteral(r.eventTypeId),
        p.add(r.eventKey),
        p.add(r.eventName),
        p.add(r.eventValue),
        instantLiteral(r.happenTime),
        instantLiteral(r.scheduledTime),
        p.add(r.idempotencyKey),
        ...CONTEXT_FIELDS.map((f) => p.add(r[f])),
        p.add(r.recordedBy),
        createdAt,
      ];
      return `(${cells.join(", ")})`;
    });
    const returned = await tx.$queryRawUnsafe<{ id: number; k: string | null }[]>(
      `INSERT INTO "CustomerEvent" (${EVENT_COLUMNS.map(q).join(", ")}) VALUES ${values.join(", ")}
       ON CONFLICT ("tenantId", "idempotencyKey") DO NOTHING RETURNING "id", "idempotencyKey" AS "k"`,
      ...p.values,
    );
    // Neither engine promises RETURNING order, but both assign ids in VALUES order within one
    // statement: sorted ids, matched to the rows that were not skipped, give each row its id.
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

export async function insertAttributes(tx: DbOrTx, rows: readonly NewAttributeRow[]): Promise<void> {
  for (const part of chunk(rows, 5000)) {
    const p = new Params();
    const values = part.map((r) => {
      // `type` is one of the four canonical names, so it is written as a literal too
      if (!ATTRIBUTE_TYPES.includes(r.type)) throw new TypeError(`not an attribute type: ${r.type}`);
      return `(${intLiteral(r.tenantId)}, ${intLiteral(r.eventTypeId)}, ${intLiteral(r.eventId)}, ${p.add(r.attrKey)}, '${r.type}', ${p.add(r.value)}, ${p.add(r.numValue)}, ${instantLiteral(r.timeValue)})`;
    });
    await tx.$executeRawUnsafe(
      `INSERT INTO "CustomerEventAttribute" ("tenantId", "eventTypeId", "eventId", "attrKey", "type", "value", "numValue", "timeValue") VALUES ${values.join(", ")}`,
      ...p.values,
    );
  }
}

export interface CustomerEffect {
  customerId: number;
  /** the stage to move to; null keeps the current one */
  stageId: number | null;
  scoreDelta: number;
}

/**
 * Stage moves and score increments, many customers per statement (UPDATE … FROM VALUES). One
 * statement for both: splitting out the stage (so unchanged stages leave the stage index alone)
 * writes ~25% fewer WAL bytes when stages rarely change but costs more CPU, and more overall while
 * customers are still getting their first stage.
 */
export async function applyCustomerEffects(tx: DbOrTx, effects: readonly CustomerEffect[], now: Date): Promise<void> {
  for (const part of chunk(effects, 5000)) {
    const values = part.map(
      (e) =>
        `(CAST(${intLiteral(e.customerId)} AS INTEGER), CAST(${e.stageId == null ? "NULL" : intLiteral(e.stageId)} AS INTEGER), CAST(${intLiteral(e.scoreDelta)} AS INTEGER))`,
    );
    await tx.$executeRawUnsafe(
      `UPDATE "Customer" SET "stageId" = COALESCE(v.column2, "Customer"."stageId"), "score" = "Customer"."score" + v.column3, "updatedAt" = ${instantLiteral(now)}
       FROM (VALUES ${values.join(", ")}) AS v WHERE "Customer"."id" = v.column1`,
    );
  }
}
