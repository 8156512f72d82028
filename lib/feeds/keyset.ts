import { fail } from "@/lib/errors";

/**
 * The timeline's keyset: every source is read newest first by (time, rank, id), where `rank` orders
 * the sources at one instant (higher first) and `id` the rows of one source. A cursor is the last
 * entry of a page; the next page is what comes strictly after it in that order, in every source.
 */
export interface Cursor {
  t: number;
  r: number;
  id: number;
}

export function encodeCursor(e: { at: Date; rank: number; id: number }): string {
  return Buffer.from(JSON.stringify({ t: e.at.getTime(), r: e.rank, id: e.id })).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if ([c.t, c.r, c.id].every((n) => Number.isInteger(n))) return c;
  } catch {
    // falls through
  }
  throw fail("cursor_invalid", "cursor: is not a cursor this API gave", { path: "cursor" });
}

/**
 * A Prisma condition on one source (its time column `field`, its `rank`): the rows after the cursor.
 * Another source's cursor leaves this source's rows at the cursor's instant in or out whole, by rank.
 */
export function keysetAfter<F extends string>(field: F, rank: number, c: Cursor, id: (n: number) => number | bigint = (n) => n) {
  const t = new Date(c.t);
  if (rank < c.r) return { [field]: { lte: t } } as Record<F, { lte: Date }>;
  if (rank > c.r) return { [field]: { lt: t } } as Record<F, { lt: Date }>;
  return { OR: [{ [field]: { lt: t } }, { [field]: t, id: { lt: id(c.id) } }] } as { OR: Record<string, unknown>[] };
}

/** Newest first; at one instant the higher rank first; then the higher id. */
export const newestFirst = (a: { at: Date; rank: number; id: number }, b: { at: Date; rank: number; id: number }) =>
  b.at.getTime() - a.at.getTime() || b.rank - a.rank || b.id - a.id;
