import { z } from "zod";
import { writeAudit } from "@/lib/audit/audit";
import { listCustomFields } from "@/lib/custom-fields/service";
import { db, type DbOrTx } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { splitLabelList } from "@/lib/labels/schemas";
import { listStages } from "@/lib/stages/service";
import type { ChangeAuthor } from "./author";
import { raceToConflict } from "./contacts";
import { normalizeEmail } from "./identity";
import { toE164 } from "./phone";
import { IMPORT_MAX_ROWS, IMPORT_CHUNK_SIZE, type ImportResult, type RowError, type RowOutcome } from "./import-fields";
import type { CustomerChanges } from "./schemas";

export * from "./import-fields";
import { createCustomerInTx } from "./service";

/**
 * CSV import of customers. The browser parses the file (papaparse) and maps its columns to the
 * fields below; the server checks every row with createCustomer's own rules by running the import
 * and rolling it back (a dry run), then writes it for real in one transaction per chunk, each row
 * in a savepoint so that a bad row is skipped without failing its chunk.
 */

const cell = z.string().max(4_000);
export const importRowSchema = z.object({
  /** the row's line in the file, for the preview and the summary */
  line: z.number().int().positive(),
  values: z.record(z.string().regex(/^(cf:\d+|[a-zA-Z]+)$/), cell),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importBodySchema = z.object({
  rows: z.array(importRowSchema).min(1, "is required").max(IMPORT_MAX_ROWS, `at most ${IMPORT_MAX_ROWS} rows`),
});

/** The tenant's names an import resolves, loaded once per chunk. */
interface ImportContext {
  stages: Map<string, number>;
  staff: Map<string, { id: number; departmentId: number | null }>;
  customFieldIds: Set<number>;
}

async function loadContext(tenantId: number, tx: DbOrTx): Promise<ImportContext> {
  const [stages, staff, fields] = await Promise.all([
    listStages(tenantId, tx),
    tx.user.findMany({ where: { tenantId, disabledAt: null }, select: { id: true, loginNo: true, departmentId: true } }),
    listCustomFields(tenantId, tx),
  ]);
  return {
    stages: new Map(stages.map((s) => [s.name, s.id])),
    staff: new Map(staff.map((u) => [u.loginNo, { id: u.id, departmentId: u.departmentId }])),
    customFieldIds: new Set(fields.map((f) => f.id)),
  };
}

const splitList = (s: string) =>
  s
    .split(/[;,，；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A row as createCustomer's change set, or the errors that keep it from being one. */
export function rowToChanges(values: Record<string, string>, ctx: ImportContext): { changes?: CustomerChanges; errors: RowError[] } {
  const errors: RowError[] = [];
  const v = (k: string) => values[k]?.trim() ?? "";
  const changes: CustomerChanges = {};
  if (!v("name")) errors.push({ field: "name", reason: "invalid_input", message: "name is required", params: { field: "name" } });
  else changes.name = v("name").slice(0, 255);

  if (v("phones")) {
    const phones: string[] = [];
    for (const raw of splitList(v("phones"))) {
      const e164 = toE164(raw);
      if (e164) phones.push(e164);
      else errors.push({ field: "phones", reason: "phone_invalid", message: `${raw} is not a valid phone number`, params: { phone: raw } });
    }
    changes.phones = phones.map((number) => ({ id: null, number }));
  }
  if (v("email")) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v("email"))) {
      errors.push({ field: "email", reason: "invalid_input", message: "not an e-mail address", params: { field: "email" } });
    } else changes.email = normalizeEmail(v("email"));
  }
  for (const k of ["crmId", "companyName", "address"] as const) if (v(k)) changes[k] = v(k);
  if (v("type")) changes.type = { name: v("type") };
  if (v("dealFlag")) changes.dealFlag = { name: v("dealFlag") };
  if (v("source")) changes.source = { name: v("source") };
  if (v("stage")) {
    const id = ctx.stages.get(v("stage"));
    if (id) changes.stageId = id;
    else errors.push({ field: "stage", reason: "stage_not_found", message: `no stage "${v("stage")}"`, params: { name: v("stage") } });
  }
  if (v("ownerLoginNo")) {
    const staff = ctx.staff.get(v("ownerLoginNo"));
    if (!staff) {
      errors.push({ field: "ownerLoginNo", reason: "staff_not_found", message: `no staff member ${v("ownerLoginNo")}`, params: { loginNo: v("ownerLoginNo") } });
    } else {
      changes.owner = { id: staff.id };
      changes.departmentId = staff.departmentId;
    }
  }
  if (v("labels")) changes.labels = splitLabelList(v("labels").replace(/[;；]/g, ","));
  if (v("score")) {
    const n = Number(v("score"));
    if (!Number.isInteger(n) || Math.abs(n) > 1_000_000_000) {
      errors.push({ field: "score", reason: "invalid_input", message: "score must be an integer", params: { field: "score" } });
    } else changes.score = n;
  }
  const custom = Object.entries(values).filter(([k, val]) => k.startsWith("cf:") && val.trim() !== "");
  if (custom.length) {
    changes.customFields = [];
    for (const [k, val] of custom) {
      const fieldId = Number(k.slice(3));
      if (!ctx.customFieldIds.has(fieldId)) errors.push({ field: k, reason: "custom_field_unknown", message: `unknown custom field ${fieldId}` });
      else changes.customFields.push({ fieldId, key: String(fieldId), value: val.trim() });
    }
  }
  return errors.length ? { errors } : { changes, errors };
}

/** The customers dialect's field names in errors the services throw, as import fields. */
const PATH_TO_FIELD: Record<string, string> = {
  custname: "name",
  cellphones: "phones",
  email: "email",
  crmId: "crmId",
  serviceNo: "ownerLoginNo",
  servicegroupId: "ownerLoginNo",
  stageId: "stage",
  jsonStr: "customFields",
  identities: "identities",
};

/** A service's error as a row error: its reason, and the field its first detail names. */
export function toRowError(err: unknown): RowError {
  if (isDomainError(err)) {
    const d = err.details[0];
    return { field: d?.path ? (PATH_TO_FIELD[d.path.split(".")[0]] ?? d.path) : undefined, reason: err.reason, message: err.message, params: err.params };
  }
  return { reason: "internal", message: "internal error" };
}

/** Rows that repeat an earlier row's phone, e-mail or CRM id (the earlier one wins, as the database would have it). */
function repeatsInFile(rows: { line: number; changes: CustomerChanges }[]): Map<number, RowError> {
  const seen = new Map<string, number>();
  const out = new Map<number, RowError>();
  for (const { line, changes } of rows) {
    const keys = [
      ...(changes.phones ?? []).map((p) => ["phones", `p:${p.number}`] as const),
      ...(changes.email ? [["email", `e:${changes.email}`] as const] : []),
      ...(changes.crmId ? [["crmId", `c:${changes.crmId}`] as const] : []),
    ];
    for (const [field, key] of keys) {
      const first = seen.get(key);
      if (first !== undefined && !out.has(line)) {
        out.set(line, { field, reason: "duplicate", message: `repeats line ${first}`, params: { line: first } });
      }
    }
    for (const [, key] of keys) if (!seen.has(key)) seen.set(key, line);
  }
  return out;
}

class DryRunRollback extends Error {}

/**
 * Checks (`dryRun`) or writes rows, `chunkSize` per transaction. Each row runs createCustomer's
 * own work in a savepoint; a failing row is rolled back to it and reported. A real import writes
 * one `customer.import` audit row per chunk, beside each customer's own `customer.create`.
 */
export async function importCustomers(
  tenantId: number,
  author: ChangeAuthor,
  rows: ImportRow[],
  { dryRun, chunkSize = IMPORT_CHUNK_SIZE }: { dryRun: boolean; chunkSize?: number },
): Promise<ImportResult> {
  const outcomes = new Map<number, RowOutcome>();
  const ctx = await loadContext(tenantId, db);
  const mapped = rows.map((r) => ({ line: r.line, ...rowToChanges(r.values, ctx) }));
  for (const m of mapped) if (m.errors.length) outcomes.set(m.line, { line: m.line, errors: m.errors });
  const ready = mapped.filter((m): m is { line: number; changes: CustomerChanges; errors: RowError[] } => m.changes !== undefined);
  const repeats = repeatsInFile(ready);
  for (const [line, error] of repeats) outcomes.set(line, { line, errors: [error] });
  const toWrite = new Map(ready.filter((r) => !repeats.has(r.line)).map((r) => [r.line, r]));

  // chunks of the file's rows, in order: a chunk's audit row counts every row of its lines
  for (let start = 0; start < rows.length; start += chunkSize) {
    const lines = rows.slice(start, start + chunkSize);
    const chunk = lines.flatMap((r) => toWrite.get(r.line) ?? []);
    if (dryRun && chunk.length === 0) continue;
    const chunkOutcomes: RowOutcome[] = [];
    try {
      await db.$transaction(
        async (tx) => {
          for (const row of chunk) {
            await tx.$executeRawUnsafe("SAVEPOINT import_row");
            try {
              const id = await createCustomerInTx(tx, tenantId, author, row.changes);
              await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
              chunkOutcomes.push({ line: row.line, id: dryRun ? undefined : id, errors: [] });
            } catch (err) {
              await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_row");
              await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
              chunkOutcomes.push({ line: row.line, errors: [toRowError(raceToConflict(err))] });
            }
          }
          if (dryRun) throw new DryRunRollback();
          const created = chunkOutcomes.filter((o) => o.errors.length === 0).length;
          await writeAudit(tx, tenantId, author.actor, {
            action: "customer.import",
            entity: "Customer",
            details: { created, skipped: lines.length - created, lines: [lines[0].line, lines[lines.length - 1].line] },
          });
        },
        { timeout: 300_000, maxWait: 20_000 },
      );
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    for (const o of chunkOutcomes) outcomes.set(o.line, o);
  }

  const all = rows.map((r) => outcomes.get(r.line) ?? { line: r.line, errors: [] });
  const created = all.filter((o) => o.errors.length === 0).length;
  return { dryRun, created, skipped: all.length - created, rows: all };
}
