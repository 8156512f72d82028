import type { Prisma } from "@/generated/sqlite/client";
import { chunk, currentProvider, instantLiteral, intLiteral, Params } from "@/lib/db/sql";
import { db, type DbOrTx } from "@/lib/db/client";
import type { GroupListQuery, GroupNameFilter, JoinRange, MemberPageQuery } from "./schemas";

/**
 * The queries of groups and memberships. Every function takes the tenant and an optional
 * transaction; rules (what exists, what may change) live in service.ts.
 *
 * Member ids are `number | bigint` on the way out: GroupMember.id is an Int today and may become a
 * BigInt; serializers turn it into a JSON number with Number().
 */

export const groupSelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.GroupSelect;

export const memberSelect = {
  id: true,
  groupId: true,
  customerId: true,
  joinedAt: true,
  updatedAt: true,
} satisfies Prisma.GroupMemberSelect;

export interface GroupRow {
  id: number;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MemberRow {
  id: number | bigint;
  groupId: number;
  customerId: number;
  joinedAt: Date;
  updatedAt: Date;
}

// ─── groups ───────────────────────────────────────────────────────────────────────────────────

export function findGroup(tenantId: number, id: number, tx: DbOrTx = db): Promise<GroupRow | null> {
  return tx.group.findFirst({ where: { tenantId, id }, select: groupSelect });
}

/**
 * Prisma's query builder refuses more than 999 bound values on SQLite (P2029), so every `IN` list it
 * builds is cut into parts of this size. (Raw statements are not limited that way.)
 */
export const IN_CHUNK = 900;

export async function findGroupsByIds(tenantId: number, ids: readonly number[], tx: DbOrTx = db): Promise<GroupRow[]> {
  const out: GroupRow[] = [];
  for (const part of chunk([...new Set(ids)], IN_CHUNK)) {
    out.push(...(await tx.group.findMany({ where: { tenantId, id: { in: part } }, select: groupSelect })));
  }
  return out;
}

/** Groups of exactly this name, oldest first; `take` 2 is enough to tell one from several. */
export function findGroupsByName(tenantId: number, name: string, take = 2, tx: DbOrTx = db): Promise<GroupRow[]> {
  return tx.group.findMany({ where: { tenantId, name }, select: groupSelect, orderBy: { id: "asc" }, take });
}

export function insertGroup(tenantId: number, data: { name: string; description?: string | null }, tx: DbOrTx = db): Promise<GroupRow> {
  return tx.group.create({ data: { tenantId, name: data.name, description: data.description ?? null }, select: groupSelect });
}

export function updateGroupRow(id: number, data: { name?: string; description?: string | null }, tx: DbOrTx = db): Promise<GroupRow> {
  return tx.group.update({ where: { id }, data, select: groupSelect });
}

/** Deletes a group and its memberships (never customers). */
export async function deleteGroupRow(id: number, tx: DbOrTx = db): Promise<number> {
  const { count } = await tx.groupMember.deleteMany({ where: { groupId: id } });
  await tx.group.delete({ where: { id } });
  return count;
}

/**
 * `LIKE` with `%`, `_` and `\` escapes, case-sensitive on both databases: PostgreSQL's LIKE is;
 * SQLite's is not (for ASCII), so there the pattern becomes the equivalent GLOB.
 */
function likeSql(p: Params, column: string, pattern: string, pg: boolean): string {
  if (pg) return `${column} LIKE ${p.add(pattern)}`;
  let glob = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) glob += globLiteral(pattern[++i]);
    else if (c === "%") glob += "*";
    else if (c === "_") glob += "?";
    else glob += globLiteral(c);
  }
  return `${column} GLOB ${p.add(glob)}`;
}

const globLiteral = (c: string) => (c === "*" || c === "?" || c === "[" ? `[${c}]` : c);

/** `%term%` for a LIKE, with the term's own wildcards escaped. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function nameWhere(p: Params, filter: GroupNameFilter | undefined, pg: boolean): string[] {
  const out: string[] = [];
  if (!filter) return out;
  if (filter.eq !== undefined) out.push(`"name" = ${p.add(filter.eq)}`);
  if (filter.in !== undefined) out.push(filter.in.length ? `"name" IN (${p.list(filter.in)})` : "1 = 0");
  if (filter.like !== undefined) out.push(likeSql(p, `"name"`, filter.like, pg));
  if (filter.contains) out.push(`LOWER("name") LIKE LOWER(${p.add(containsPattern(filter.contains))}) ESCAPE '\\'`);
  return out;
}

const GROUP_COLUMNS = { id: `"id"`, name: `"name"`, createdAt: `"createdAt"`, updatedAt: `"updatedAt"` } as const;

/**
 * One page of groups and the number matching. Filtering, sorting and paging run in SQL (LIKE is
 * not in Prisma's API); the rows are then read with Prisma's select. Names sort by code point on
 * both databases (PostgreSQL's `COLLATE "C"`, SQLite's BINARY), ties by id.
 */
export async function findGroupPage(
  tenantId: number,
  query: GroupListQuery,
  tx: DbOrTx = db,
): Promise<{ total: number; rows: GroupRow[] }> {
  const pg = currentProvider() === "postgresql";
  const where = (p: Params) => [`"tenantId" = ${p.add(tenantId)}`, ...nameWhere(p, query.name, pg)].join(" AND ");

  const countParams = new Params();
  const counted = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT COUNT(*) AS "n" FROM "Group" WHERE ${where(countParams)}`,
    ...countParams.values,
  );
  const total = Number(counted[0]?.n ?? 0);
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  if (total === 0 || offset >= total || limit === 0) return { total, rows: [] };

  const order = (query.sort?.length ? query.sort : [{ field: "id" as const, order: "asc" as const }])
    .map((s) => `${GROUP_COLUMNS[s.field]}${s.field === "name" && pg ? ` COLLATE "C"` : ""} ${s.order === "desc" ? "DESC" : "ASC"}`)
    .concat(query.sort?.some((s) => s.field === "id") ? [] : [`"id" ASC`]);
  const p = new Params();
  const ids = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT "id" FROM "Group" WHERE ${where(p)} ORDER BY ${order.join(", ")} LIMIT ${intLiteral(limit)} OFFSET ${intLiteral(offset)}`,
    ...p.values,
  );
  const wanted = ids.map((r) => Number(r.id));
  const byId = new Map((await findGroupsByIds(tenantId, wanted, tx)).map((g) => [g.id, g]));
  return { total, rows: wanted.map((id) => byId.get(id)).filter((g): g is GroupRow => g !== undefined) };
}

/** Member counts of the given groups (0 for an empty one). */
export async function countMembersByGroup(groupIds: readonly number[], tx: DbOrTx = db): Promise<Map<number, number>> {
  const out = new Map<number, number>(groupIds.map((id) => [id, 0]));
  if (!groupIds.length) return out;
  for (const part of chunk(groupIds, IN_CHUNK)) {
    const rows = await tx.groupMember.groupBy({ by: ["groupId"], where: { groupId: { in: part } }, _count: { _all: true } });
    for (const r of rows) out.set(r.groupId, r._count._all);
  }
  return out;
}

// ─── memberships ──────────────────────────────────────────────────────────────────────────────

const joinedWhere = (range: JoinRange | undefined) =>
  range && (range.from || range.to)
    ? { joinedAt: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } }
    : {};

export function countMembers(groupId: number, range?: JoinRange, tx: DbOrTx = db): Promise<number> {
  return tx.groupMember.count({ where: { groupId, ...joinedWhere(range) } });
}

export function findMemberById(tenantId: number, id: number, tx: DbOrTx = db): Promise<MemberRow | null> {
  return tx.groupMember.findFirst({ where: { tenantId, id }, select: memberSelect });
}

type RawMember = { id: number | bigint; groupId: number | bigint; customerId: number | bigint; joinedAt: Date | string; updatedAt: Date | string };

const fromRaw = (r: RawMember): MemberRow => ({
  id: typeof r.id === "bigint" ? r.id : Number(r.id),
  groupId: Number(r.groupId),
  customerId: Number(r.customerId),
  joinedAt: new Date(r.joinedAt),
  updatedAt: new Date(r.updatedAt),
});

/**
 * Memberships of (group, customer) pairs, in no particular order. Raw SQL with the ids as integer
 * literals, one statement per group and 10,000 customers: through Prisma's builder (999 bound values
 * at most on SQLite) reading back a 10,000-member batch took ~1 s; this takes a few milliseconds.
 */
export async function findMembersOf(pairs: readonly { groupId: number; customerId: number }[], tx: DbOrTx = db): Promise<MemberRow[]> {
  const byGroup = new Map<number, number[]>();
  for (const { groupId, customerId } of pairs) {
    const list = byGroup.get(groupId);
    if (list) list.push(customerId);
    else byGroup.set(groupId, [customerId]);
  }
  const out: MemberRow[] = [];
  for (const [groupId, customerIds] of byGroup) {
    for (const part of chunk([...new Set(customerIds)], 10_000)) {
      const rows = await tx.$queryRawUnsafe<RawMember[]>(
        `SELECT "id", "groupId", "customerId", "joinedAt", "updatedAt" FROM "GroupMember"
         WHERE "groupId" = ${intLiteral(groupId)} AND "customerId" IN (${part.map(intLiteral).join(", ")})`,
      );
      out.push(...rows.map(fromRaw));
    }
  }
  return out;
}

/**
 * Adds memberships with multi-row INSERTs; a pair that is already a member (also one a concurrent
 * caller has just added) is skipped by ON CONFLICT, never an error or a second row. Raw SQL because
 * Prisma's createMany cannot skip duplicates on SQLite, and a 10,000-member batch must stay under
 * a second. Returns how many rows were new.
 */
export async function insertMembers(
  tx: DbOrTx,
  tenantId: number,
  pairs: readonly { groupId: number; customerId: number }[],
  now: Date,
): Promise<number> {
  let added = 0;
  const at = instantLiteral(now);
  for (const part of chunk(pairs, 2000)) {
    const values = part.map((r) => `(${intLiteral(tenantId)}, ${intLiteral(r.groupId)}, ${intLiteral(r.customerId)}, ${at}, ${at})`);
    added += await tx.$executeRawUnsafe(
      `INSERT INTO "GroupMember" ("tenantId", "groupId", "customerId", "joinedAt", "updatedAt") VALUES ${values.join(", ")}
       ON CONFLICT ("groupId", "customerId") DO NOTHING`,
    );
  }
  return added;
}

export async function deleteMembers(groupId: number, customerIds: readonly number[], tx: DbOrTx = db): Promise<number> {
  let removed = 0;
  for (const part of chunk(customerIds, IN_CHUNK)) {
    removed += (await tx.groupMember.deleteMany({ where: { groupId, customerId: { in: part } } })).count;
  }
  return removed;
}

export async function deleteMemberById(id: number | bigint, tx: DbOrTx = db): Promise<void> {
  await tx.groupMember.deleteMany({ where: { id: Number(id) } });
}

const MEMBER_COLUMN = { id: "id", groupId: "groupId", customerId: "customerId", joinedAt: "joinedAt" } as const;

/**
 * One keyset page of memberships: `WHERE field > bound` (or `<` descending), ordered by the field
 * and then id, `LIMIT n`. Never OFFSET: a page deep in a million members costs what the first does.
 */
export function findMemberPage(
  tenantId: number,
  q: MemberPageQuery & { limit: number; searchCustomerIds?: number[] },
  tx: DbOrTx = db,
) {
  const field = MEMBER_COLUMN[q.sort ?? "customerId"];
  const desc = q.order === "desc";
  const cmp = desc ? "lt" : "gt";
  let keyset: Prisma.GroupMemberWhereInput = {};
  if (q.after) {
    const bound = { [field]: { [cmp]: q.after.value } } as Prisma.GroupMemberWhereInput;
    keyset =
      q.after.id === undefined || field === "id"
        ? bound
        : { OR: [bound, { [field]: q.after.value, id: { [cmp]: q.after.id } } as Prisma.GroupMemberWhereInput] };
  }
  const orderBy: Prisma.GroupMemberOrderByWithRelationInput[] = [{ [field]: desc ? "desc" : "asc" }];
  if (field !== "id") orderBy.push({ id: desc ? "desc" : "asc" });
  // the console's search: the name contains it, or (a phone search) the customer is one of these
  const byName: Prisma.GroupMemberWhereInput = { customer: { name: { contains: q.search } } };
  const search: Prisma.GroupMemberWhereInput = !q.search
    ? {}
    : q.searchCustomerIds?.length
      ? { OR: [byName, { customerId: { in: q.searchCustomerIds } }] }
      : byName;
  return tx.groupMember.findMany({
    where: {
      tenantId,
      ...(q.groupId !== undefined ? { groupId: q.groupId } : {}),
      ...(q.customerId !== undefined ? { customerId: q.customerId } : {}),
      AND: [search, keyset],
    },
    select: { ...memberSelect, customer: { select: { name: true } } },
    orderBy,
    take: q.limit,
  });
}

/** Members with their customers' names, oldest membership first, by offset (the groups dialect). */
export function findMembersWithNames(groupId: number, offset: number, limit: number, tx: DbOrTx = db) {
  return tx.groupMember.findMany({
    where: { groupId },
    select: { ...memberSelect, customer: { select: { name: true } } },
    orderBy: { id: "asc" },
    skip: offset,
    take: limit,
  });
}

/** The groups a customer is in, most recent membership first. */
export function findGroupsOfCustomer(tenantId: number, customerId: number, tx: DbOrTx = db) {
  return tx.groupMember.findMany({
    where: { tenantId, customerId },
    select: { ...memberSelect, group: { select: groupSelect } },
    orderBy: [{ joinedAt: "desc" }, { id: "desc" }],
  });
}

// ─── customers, as groups address them ────────────────────────────────────────────────────────

/** Which of these ids are live customers of the tenant (raw, ids as integer literals: see findMembersOf). */
export async function findLiveCustomerIds(tenantId: number, ids: readonly number[], tx: DbOrTx = db): Promise<Set<number>> {
  const found = new Set<number>();
  for (const part of chunk([...new Set(ids)], 10_000)) {
    const rows = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
      `SELECT "id" FROM "Customer" WHERE "tenantId" = ${intLiteral(tenantId)} AND "deletedAt" IS NULL AND "id" IN (${part.map(intLiteral).join(", ")})`,
    );
    for (const r of rows) found.add(Number(r.id));
  }
  return found;
}

/** Live customers of the tenant with exactly these names (a name may match several). */
export async function findLiveCustomersByName(tenantId: number, names: readonly string[], tx: DbOrTx = db) {
  const out: { id: number; name: string }[] = [];
  for (const part of chunk([...new Set(names)], IN_CHUNK)) {
    out.push(
      ...(await tx.customer.findMany({ where: { tenantId, deletedAt: null, name: { in: part } }, select: { id: true, name: true } })),
    );
  }
  return out;
}

/** Customers of the tenant one of whose phone numbers contains this (at most `take`), for a phone search. */
export async function findCustomerIdsByPhone(tenantId: number, phone: string, take: number, tx: DbOrTx = db): Promise<number[]> {
  const rows = await tx.customerPhone.findMany({ where: { tenantId, number: { contains: phone } }, select: { customerId: true }, take });
  return [...new Set(rows.map((r) => r.customerId))];
}

/** Phone numbers of these customers, oldest first per customer (the members export). */
export async function findPhonesOf(customerIds: readonly number[], tx: DbOrTx = db): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const part of chunk([...new Set(customerIds)], IN_CHUNK)) {
    const rows = await tx.customerPhone.findMany({ where: { customerId: { in: part } }, select: { customerId: true, number: true }, orderBy: { id: "asc" } });
    for (const r of rows) out.set(r.customerId, [...(out.get(r.customerId) ?? []), r.number]);
  }
  return out;
}
