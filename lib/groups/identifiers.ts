import { phoneForms } from "@/lib/customers/identity";
import { fail } from "@/lib/errors";
import { chunk } from "@/lib/db/sql";
import { db, type DbOrTx } from "@/lib/db/client";
import { IN_CHUNK } from "./repository";
import { MAX_BATCH } from "./schemas";

/**
 * Pasted or uploaded rows (a customer id, a phone number or an exact name per row) resolved to the
 * tenant's live customers, before anything is written: the console's batch-add preview.
 *
 * A row is read every way it can be — as an id when it is a whole number, as a phone when it looks
 * like one (as written, or in the E.164 or national form the console or the API stored), and always as an exact name — and the customers it names are the union. One customer is
 * a match; none is `unknown`; several (a name two customers share, or a number that is one
 * customer's id and another's phone) is `ambiguous`, and the row is never guessed.
 */

export type RowStatus = "matched" | "unknown" | "ambiguous";
export type MatchedBy = "id" | "phone" | "name";

export interface CustomerRef {
  id: number;
  name: string;
}

export interface ResolvedRow {
  /** 1-based position among the rows given (blank rows keep their place and are not reported) */
  row: number;
  input: string;
  status: RowStatus;
  /** how the one customer was found (matched rows) */
  by?: MatchedBy;
  /** the customer (matched) or the first few candidates (ambiguous) */
  customers: CustomerRef[];
}

export interface Resolution {
  rows: ResolvedRow[];
  /** the matched customers' ids, each once, in row order */
  customerIds: number[];
  counts: { matched: number; unknown: number; ambiguous: number };
}

/** Candidates shown for an ambiguous row. */
const SHOWN_CANDIDATES = 5;
const ID = /^\d{1,10}$/;
/** Customer.id is a 32-bit integer column: a longer number is no id (PostgreSQL would refuse to compare it). */
const MAX_CUSTOMER_ID = 2_147_483_647;
const PHONE = /^\+?\d{5,20}$/;

/** Resolves rows (at most MAX_BATCH non-blank) against the tenant's live customers. */
export async function resolveCustomerRows(tenantId: number, rows: readonly string[], tx: DbOrTx = db): Promise<Resolution> {
  const given = rows.map((input, i) => ({ row: i + 1, input: input.trim() })).filter((r) => r.input !== "");
  if (given.length > MAX_BATCH) {
    throw fail("batch_too_large", `at most ${MAX_BATCH} rows per batch (got ${given.length})`, { path: "rows", params: { max: MAX_BATCH } });
  }
  const asId = (s: string) => (ID.test(s) && Number(s) <= MAX_CUSTOMER_ID && Number(s) > 0 ? Number(s) : undefined);
  // the forms a phone may be stored in (as written, E.164, national); the first that is found wins
  const asPhone = (s: string) => phoneForms(s).filter((p) => PHONE.test(p));

  const ids = [...new Set(given.map((r) => asId(r.input)).filter((n): n is number => n !== undefined))];
  const phones = [...new Set(given.flatMap((r) => asPhone(r.input)))];
  const names = [...new Set(given.map((r) => r.input))];

  const byId = new Map<number, CustomerRef>();
  for (const part of chunk(ids, IN_CHUNK)) {
    const found = await tx.customer.findMany({ where: { tenantId, deletedAt: null, id: { in: part } }, select: { id: true, name: true } });
    for (const c of found) byId.set(c.id, c);
  }
  const byPhone = new Map<string, CustomerRef>();
  for (const part of chunk(phones, IN_CHUNK)) {
    const found = await tx.customerPhone.findMany({
      where: { tenantId, number: { in: part }, customer: { deletedAt: null } },
      select: { number: true, customer: { select: { id: true, name: true } } },
    });
    for (const p of found) byPhone.set(p.number, p.customer);
  }
  const byName = new Map<string, CustomerRef[]>();
  for (const part of chunk(names, IN_CHUNK)) {
    const found = await tx.customer.findMany({
      where: { tenantId, deletedAt: null, name: { in: part } },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    });
    for (const c of found) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  }

  const out: ResolvedRow[] = [];
  const customerIds = new Set<number>();
  const counts = { matched: 0, unknown: 0, ambiguous: 0 };
  for (const { row, input } of given) {
    const hits = new Map<number, { customer: CustomerRef; by: MatchedBy }>();
    const id = asId(input);
    const phone = asPhone(input).find((p) => byPhone.has(p));
    if (id !== undefined && byId.has(id)) hits.set(id, { customer: byId.get(id)!, by: "id" });
    if (phone !== undefined) {
      const c = byPhone.get(phone)!;
      if (!hits.has(c.id)) hits.set(c.id, { customer: c, by: "phone" });
    }
    for (const c of byName.get(input) ?? []) if (!hits.has(c.id)) hits.set(c.id, { customer: c, by: "name" });

    const found = [...hits.values()];
    if (found.length === 1) {
      counts.matched++;
      customerIds.add(found[0].customer.id);
      out.push({ row, input, status: "matched", by: found[0].by, customers: [found[0].customer] });
    } else if (found.length === 0) {
      counts.unknown++;
      out.push({ row, input, status: "unknown", customers: [] });
    } else {
      counts.ambiguous++;
      out.push({ row, input, status: "ambiguous", customers: found.slice(0, SHOWN_CANDIDATES).map((h) => h.customer) });
    }
  }
  return { rows: out, customerIds: [...customerIds], counts };
}
