import { databaseUrl, providerOf, type Provider } from "@/lib/db/config";

/**
 * The pieces of raw SQL several domains need to be portable between SQLite and PostgreSQL (the
 * event write path, the dashboard, literal text search):
 * placeholders (`?` vs `$n`), instants in the format Prisma itself writes, and chunking so a
 * multi-row statement stays under both engines' parameter limits (SQLite 32,766; PostgreSQL 65,535).
 * Everything else in these statements (quoted identifiers, multi-row VALUES, INSERT … ON CONFLICT
 * DO NOTHING RETURNING, UPDATE … FROM (VALUES …), CAST) is shared syntax of both engines.
 */

let cached: { url: string; provider: Provider } | undefined;

export function currentProvider(): Provider {
  const url = databaseUrl();
  if (cached?.url !== url) cached = { url, provider: providerOf(url) };
  return cached.provider;
}

/** Parameters of one statement. `null`/`undefined` become a literal NULL, not a parameter. */
export class Params {
  readonly values: unknown[] = [];
  private readonly pg: boolean;

  constructor(provider: Provider = currentProvider()) {
    this.pg = provider === "postgresql";
  }

  add(value: unknown): string {
    if (value === null || value === undefined) return "NULL";
    this.values.push(value);
    return this.pg ? `$${this.values.length}` : "?";
  }

  /** `?, ?, ?` for an IN list (callers never pass an empty list). */
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(", ");
  }

  /**
   * `IN (…)` over a list bound as one parameter, so the statement's text is the same whatever the
   * list's length and is prepared once: `= ANY($n::int4[])` on PostgreSQL (the list as an array),
   * `IN (SELECT value FROM json_each(?))` on SQLite (the list as JSON).
   */
  inList(values: readonly (number | string)[], pgType: "int4" | "int8" | "text"): string {
    if (this.pg) {
      this.values.push(values);
      return `= ANY($${this.values.length}::${pgType}[])`;
    }
    this.values.push(JSON.stringify(values));
    return `IN (SELECT "value" FROM json_each(?))`;
  }
}

/** An instant as Prisma stores it on SQLite ("…T03:04:05.000+00:00", so text comparison orders
 * correctly); PostgreSQL reads the same string into a `timestamp(3)`, ignoring the +00:00. */
export function sqlInstant(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/**
 * Values the write path generates itself go into the SQL text instead of parameters: every
 * parameter costs Prisma a serialisation round (~1 µs each, ten thousand per batch). Only integers
 * and instants, whose text cannot hold a quote; strings from requests are always parameters.
 */
export function intLiteral(n: number): string {
  if (!Number.isSafeInteger(n)) throw new TypeError(`not an integer: ${n}`);
  return String(n);
}

export function instantLiteral(d: Date | null | undefined): string {
  return d ? `'${sqlInstant(d)}'` : "NULL";
}

/** The largest number of parameters put in one statement. */
export const MAX_PARAMS = 30_000;

export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export const q = (identifier: string) => `"${identifier}"`;

/**
 * `text` for a Prisma `contains`/`startsWith` that matches it literally, or null when this database
 * cannot: Prisma lowers those filters to LIKE without escaping `%` and `_`. PostgreSQL's LIKE
 * escapes with a backslash by default, so the escaped text works there; SQLite's LIKE has no escape
 * character unless the statement names one, so text holding a wildcard needs `idsContaining`.
 */
export function literalLike(text: string, provider: Provider = currentProvider()): string | null {
  if (!/[%_\\]/.test(text)) return text;
  return provider === "postgresql" ? text.replace(/[\\%_]/g, (c) => `\\${c}`) : null;
}

/** At most this many ids come back from `idsContaining` (under both engines' parameter limits). */
export const MAX_CONTAINING_IDS = 20_000;

/**
 * Ids of a tenant's rows whose column holds `text` literally (with each engine's LIKE case rules,
 * as Prisma's `contains`), by `LIKE … ESCAPE '\\'` on both engines. `select` names the id column to return.
 */
export async function idsContaining(
  tx: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> },
  table: string,
  column: string,
  tenantId: number,
  text: string,
  select = "id",
): Promise<number[]> {
  const p = new Params();
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT ${q(select)} AS id FROM ${q(table)} WHERE ${q("tenantId")} = ${intLiteral(tenantId)} AND ${q(column)} LIKE ${p.add(pattern)} ESCAPE '\\' LIMIT ${MAX_CONTAINING_IDS}`,
    ...p.values,
  );
  return rows.map((r) => Number(r.id));
}

/** Integers and instants go into SQLite's text as literals (their text cannot hold a quote). */
function literalOf(v: unknown, t: ColumnType, instant: (d: Date) => string): string | null {
  if ((t === "int" || t === "bigint") && typeof v === "number") return intLiteral(v);
  if (t === "timestamp" && v instanceof Date) return `'${instant(v)}'`;
  return null;
}

/** How `rowsSource` passes a column's values. */
export type ColumnType = "int" | "bigint" | "text" | "timestamp" | "json";

const PG_ARRAY: Record<ColumnType, (param: string) => string> = {
  int: (x) => `${x}::int[]`,
  bigint: (x) => `${x}::bigint[]`,
  text: (x) => `${x}::text[]`,
  timestamp: (x) => `CAST(${x} AS text[])::timestamp(3)[]`,
  json: (x) => `${x}::jsonb[]`,
};

/**
 * The rows of a multi-row INSERT, as its source (`INSERT INTO t (…) ${rowsSource(…)}`). SQLite: a
 * `VALUES (…), (…)` list (integers and instants as literals, the rest as parameters). PostgreSQL: `SELECT * FROM
 * unnest($1::int[], …)`, one array parameter per column — parsing and binding thousands of VALUES
 * rows costs PostgreSQL more than inserting them (≈ 80 ms for 3,000 rows of nine columns). Dates
 * are passed as instants; callers keep a statement's rows under MAX_PARAMS values on SQLite.
 */
export function rowsSource(p: Params, types: readonly ColumnType[], rows: readonly (readonly unknown[])[], provider: Provider = currentProvider()): string {
  // rows mostly share one instant ("now"): format each Date once
  const instants = new Map<Date, string>();
  const instant = (d: Date) => instants.get(d) ?? (instants.set(d, sqlInstant(d)), instants.get(d)!);
  const value = (v: unknown, t: ColumnType) => (v instanceof Date ? instant(v) : t === "json" && v !== null && v !== undefined && typeof v !== "string" ? JSON.stringify(v) : (v ?? null));
  if (provider === "postgresql") {
    const columns = types.map((t, i) => PG_ARRAY[t](p.add(rows.map((r) => value(r[i], t)))));
    return `SELECT * FROM unnest(${columns.join(", ")})`;
  }
  return `VALUES ${rows
    .map((r) => `(${types.map((t, i) => literalOf(r[i], t, instant) ?? p.add(value(r[i], t))).join(", ")})`)
    .join(", ")}`;
}
