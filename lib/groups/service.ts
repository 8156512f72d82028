import { TZDate } from "@date-fns/tz";
import { db, type DbOrTx } from "@/lib/db/client";
import { normalizePhone } from "@/lib/customers/identity";
import { fail, type ErrorDetail } from "@/lib/errors";
import * as repo from "./repository";
import type { GroupRow, MemberRow } from "./repository";
import {
  MAX_BATCH,
  MAX_DAY_RANGE,
  MAX_MEMBER_PAGE,
  type CreateGroupInput,
  type GroupListQuery,
  type JoinRange,
  type MemberPageQuery,
  type UpdateGroupInput,
} from "./schemas";

/**
 * Groups and their members: the one service behind the lists dialect (by id), the groups dialect
 * (by name) and the console. No HTTP and no vendor words here. Every function is scoped to a
 * tenant: a group or customer of another tenant does not exist.
 *
 * Names are not unique (groups created by id may share one); whoever addresses a group by name gets
 * `group_ambiguous` when it matches several, and a rename never makes a name shared.
 */

export type { GroupRow, MemberRow };
export type GroupWithCount = GroupRow & { memberCount?: number };

const groupNotFound = (what: string | number, path?: string) =>
  typeof what === "number"
    ? fail("group_not_found", `group ${what} not found`, { path, params: { id: what } })
    : fail("group_not_found", `group "${what}" not found`, { path, params: { name: what } });

// ─── groups ───────────────────────────────────────────────────────────────────────────────────

export async function getGroup(tenantId: number, id: number, tx: DbOrTx = db): Promise<GroupRow> {
  const group = await repo.findGroup(tenantId, id, tx);
  if (!group) throw groupNotFound(id);
  return group;
}

/** The one group of this exact name: none → group_not_found, several → group_ambiguous. */
export async function getGroupByName(tenantId: number, name: string, tx: DbOrTx = db, path?: string): Promise<GroupRow> {
  const found = await repo.findGroupsByName(tenantId, name, 2, tx);
  if (found.length === 0) throw groupNotFound(name, path);
  if (found.length > 1) {
    throw fail("group_ambiguous", `several groups are named "${name}"; address the group by id`, { path, params: { name } });
  }
  return found[0];
}

/** Creates a group; names need not be unique. */
export function createGroup(tenantId: number, input: { name: string; description?: string | null }): Promise<GroupRow> {
  return repo.insertGroup(tenantId, input);
}

/** Creates a group unless one already has the name; then answers the oldest of that name. */
export function createGroupIfAbsent(tenantId: number, input: CreateGroupInput & { name: string }) {
  return db.$transaction(async (tx) => {
    const [existing] = await repo.findGroupsByName(tenantId, input.name, 1, tx);
    if (existing) return { group: existing, created: false };
    return { group: await repo.insertGroup(tenantId, { name: input.name, description: input.description }, tx), created: true };
  });
}

/** Renames or describes a group. A new name that another group has → group_name_taken. */
export function updateGroup(tenantId: number, id: number, input: UpdateGroupInput & { name?: string }): Promise<GroupRow> {
  return db.$transaction(async (tx) => {
    const group = await getGroup(tenantId, id, tx);
    if (input.name !== undefined && input.name !== group.name) {
      const [other] = await repo.findGroupsByName(tenantId, input.name, 1, tx);
      if (other) {
        throw fail("group_name_taken", `a group named "${input.name}" already exists`, { path: "name", params: { name: input.name } });
      }
    }
    return repo.updateGroupRow(group.id, { name: input.name, description: input.description }, tx);
  });
}

/**
 * Deletes a group. With `removeMembers` its memberships go with it (customers never do); without,
 * a group that still has members is refused with group_not_empty.
 */
export function deleteGroup(tenantId: number, id: number, opts: { removeMembers: boolean }, tx?: DbOrTx) {
  const run = async (t: DbOrTx) => {
    const group = await getGroup(tenantId, id, t);
    if (!opts.removeMembers) {
      const count = await repo.countMembers(group.id, undefined, t);
      if (count > 0) {
        throw fail("group_not_empty", `group "${group.name}" still has ${count} member(s)`, { params: { id, name: group.name, count } });
      }
    }
    const removed = await repo.deleteGroupRow(group.id, t);
    return { group, removed };
  };
  return tx ? run(tx) : db.$transaction(run);
}

/** A page of groups with the number matching; member counts on request (the console's table). */
export async function listGroups(tenantId: number, query: GroupListQuery = {}): Promise<{ total: number; items: GroupWithCount[] }> {
  const { total, rows } = await repo.findGroupPage(tenantId, query);
  if (!query.withMemberCounts) return { total, items: rows };
  const counts = await repo.countMembersByGroup(rows.map((g) => g.id));
  return { total, items: rows.map((g) => ({ ...g, memberCount: counts.get(g.id) ?? 0 })) };
}

// ─── members by id ────────────────────────────────────────────────────────────────────────────

export interface MembershipInput {
  groupId: number;
  customerId: number;
}

/**
 * Adds memberships, all or none: every group and customer must be the tenant's (deleted customers
 * are unknown), or nothing is written and the error names each bad item (`items.<i>.groupId`).
 * A pair that is already a member keeps its membership (and its join time). Answers the
 * memberships in input order.
 */
export async function addMemberships(tenantId: number, items: readonly MembershipInput[], path = "items"): Promise<MemberRow[]> {
  if (items.length > MAX_BATCH) {
    throw fail("batch_too_large", `at most ${MAX_BATCH} items per call (got ${items.length})`, { path, params: { max: MAX_BATCH } });
  }
  if (!items.length) return [];
  return db.$transaction(async (tx) => {
    const groupIds = [...new Set(items.map((i) => i.groupId))];
    const groups = new Set((await repo.findGroupsByIds(tenantId, groupIds, tx)).map((g) => g.id));
    const customers = await repo.findLiveCustomerIds(tenantId, items.map((i) => i.customerId), tx);
    const bad: ErrorDetail[] = [];
    items.forEach((item, i) => {
      if (!groups.has(item.groupId)) {
        bad.push({ path: `${path}.${i}.groupId`, reason: "group_not_found", message: `group ${item.groupId} not found`, params: { id: item.groupId } });
      }
      if (!customers.has(item.customerId)) {
        bad.push({ path: `${path}.${i}.customerId`, reason: "customer_not_found", message: `customer ${item.customerId} not found`, params: { id: item.customerId } });
      }
    });
    if (bad.length) {
      const first = bad[0];
      const more = bad.length > 1 ? ` (and ${bad.length - 1} more)` : "";
      throw fail(first.reason!, `${first.path}: ${first.message}${more}`, { details: bad, params: first.params });
    }
    const pairs = uniquePairs(items);
    await repo.insertMembers(tx, tenantId, pairs, new Date());
    const rows = await repo.findMembersOf(pairs, tx);
    const byPair = new Map(rows.map((r) => [pairKey(r), r]));
    return items.map((i) => byPair.get(pairKey(i))!);
  });
}

const pairKey = (p: MembershipInput) => `${p.groupId}:${p.customerId}`;

function uniquePairs(items: readonly MembershipInput[]): MembershipInput[] {
  const seen = new Map<string, MembershipInput>();
  for (const i of items) seen.set(pairKey(i), { groupId: i.groupId, customerId: i.customerId });
  return [...seen.values()];
}

/** Adds one customer to one group; an existing membership is answered as it is (`created: false`). */
export async function addMember(tenantId: number, groupId: number, customerId: number): Promise<{ member: MemberRow; created: boolean }> {
  const [existing] = await repo.findMembersOf([{ groupId, customerId }]);
  const [member] = await addMemberships(tenantId, [{ groupId, customerId }], "data");
  return { member, created: !existing };
}

/** The console's bulk add: customers into one group, all or none. */
export async function addMembers(tenantId: number, groupId: number, customerIds: readonly number[]): Promise<MemberRow[]> {
  await getGroup(tenantId, groupId);
  return addMemberships(tenantId, customerIds.map((customerId) => ({ groupId, customerId })), "customerIds");
}

/** Removes these customers from the group; customers that are not members are skipped. Answers how many left. */
export async function removeMembers(tenantId: number, groupId: number, customerIds: readonly number[]): Promise<number> {
  return db.$transaction(async (tx) => {
    await getGroup(tenantId, groupId, tx);
    return repo.deleteMembers(groupId, [...new Set(customerIds)], tx);
  });
}

/** Removes one membership by its id. */
export async function removeMember(tenantId: number, memberId: number): Promise<MemberRow> {
  return db.$transaction(async (tx) => {
    const member = await repo.findMemberById(tenantId, memberId, tx);
    if (!member) throw fail("member_not_found", `membership ${memberId} not found`, { params: { id: memberId } });
    await repo.deleteMemberById(member.id, tx);
    return member;
  });
}

export async function getMember(tenantId: number, memberId: number): Promise<MemberRow> {
  const member = await repo.findMemberById(tenantId, memberId);
  if (!member) throw fail("member_not_found", `membership ${memberId} not found`, { params: { id: memberId } });
  return member;
}

/** Members of a group who joined in [from, to) (either end open). */
export async function countMembers(tenantId: number, groupId: number, range?: JoinRange): Promise<number> {
  if (range?.from && range.to && range.from > range.to) {
    throw fail("range_reversed", "the start of the range is after its end", { path: "from" });
  }
  await getGroup(tenantId, groupId);
  return repo.countMembers(groupId, range);
}

export type MemberWithName = MemberRow & { customer: { name: string } };

/** A phone search looks at most this many customers up by number (a bound IN list on SQLite). */
const PHONE_SEARCH_LIMIT = 900;

/**
 * A keyset page of memberships (default: by customer id ascending, 20 rows, at most 10,000).
 * `search` matches the customer's name, or one of their phone numbers when it looks like one.
 * `next` is the position after the last row (for `after`), absent on the last page.
 * A group or customer filter of another tenant → not found.
 */
export async function pageMembers(
  tenantId: number,
  query: MemberPageQuery,
): Promise<{ items: MemberWithName[]; next?: { value: number | Date; id: number } }> {
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MEMBER_PAGE) {
    throw fail("page_size_invalid", `rows must be between 1 and ${MAX_MEMBER_PAGE}`, { path: "limit", params: { max: MAX_MEMBER_PAGE } });
  }
  if (query.groupId !== undefined) await getGroup(tenantId, query.groupId);
  if (query.customerId !== undefined && !(await repo.findLiveCustomerIds(tenantId, [query.customerId])).size) {
    throw fail("customer_not_found", `customer ${query.customerId} not found`, { path: "customerId", params: { id: query.customerId } });
  }
  const phone = query.search ? normalizePhone(query.search) : "";
  const searchCustomerIds = /^\+?\d{3,}$/.test(phone) ? await repo.findCustomerIdsByPhone(tenantId, phone, PHONE_SEARCH_LIMIT) : undefined;
  const items = await repo.findMemberPage(tenantId, { ...query, limit, searchCustomerIds });
  const last = items.at(-1);
  if (!last || items.length < limit) return { items };
  const sort = query.sort ?? "customerId";
  const value = sort === "id" ? Number(last.id) : sort === "joinedAt" ? last.joinedAt : last[sort];
  return { items, next: { value, id: Number(last.id) } };
}

/**
 * Members who joined on each day from `from` to `to` (both `yyyy-MM-dd`, both included), days
 * cut in `timeZone`. At most 366 days.
 */
export async function membersJoinedPerDay(
  tenantId: number,
  groupId: number,
  opts: { from: string; to: string; timeZone: string },
): Promise<{ day: string; count: number }[]> {
  const start = parseDay(opts.from, "from");
  const end = parseDay(opts.to, "to");
  const days: { day: string; from: Date; to: Date }[] = [];
  for (let d = 0; ; d++) {
    const from = new TZDate(start.y, start.m - 1, start.d + d, opts.timeZone);
    if (from.getFullYear() * 10000 + (from.getMonth() + 1) * 100 + from.getDate() > end.y * 10000 + end.m * 100 + end.d) break;
    if (days.length >= MAX_DAY_RANGE) throw fail("range_reversed", `at most ${MAX_DAY_RANGE} days per call`, { path: "to" });
    const to = new TZDate(start.y, start.m - 1, start.d + d + 1, opts.timeZone);
    const day = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, "0")}-${String(from.getDate()).padStart(2, "0")}`;
    days.push({ day, from: new Date(from.getTime()), to: new Date(to.getTime()) });
  }
  if (!days.length) throw fail("range_reversed", "the start of the range is after its end", { path: "from" });
  await getGroup(tenantId, groupId);
  const out: { day: string; count: number }[] = [];
  for (const d of days) out.push({ day: d.day, count: await repo.countMembers(groupId, { from: d.from, to: d.to }) });
  return out;
}

function parseDay(s: string, path: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (!m || probe.getUTCMonth() !== mo - 1 || y < 1900 || y > 2999) {
    throw fail("invalid_time", `${path} must be a date yyyy-MM-dd`, { path, params: { value: s } });
  }
  return { y, m: mo, d };
}

/** The groups one customer is in, most recent first, with the join time. */
export async function groupsOfCustomer(tenantId: number, customerId: number) {
  const rows = await repo.findGroupsOfCustomer(tenantId, customerId);
  return rows.map((r) => ({ group: r.group, memberId: r.id, joinedAt: r.joinedAt }));
}

/**
 * Every member of a group with names and phone numbers, in keyset pages by customer id (the
 * console's CSV export): memory stays at one page whatever the group's size.
 */
export async function* memberExportPages(tenantId: number, groupId: number, pageSize = 2000) {
  await getGroup(tenantId, groupId);
  let after: { value: number; id: number } | undefined;
  for (;;) {
    const items = await repo.findMemberPage(tenantId, { groupId, sort: "customerId", order: "asc", after, limit: pageSize });
    if (!items.length) return;
    const phones = await repo.findPhonesOf(items.map((m) => m.customerId));
    yield items.map((m) => ({ customerId: m.customerId, name: m.customer.name, phones: phones.get(m.customerId) ?? [], joinedAt: m.joinedAt }));
    if (items.length < pageSize) return;
    const last = items[items.length - 1];
    after = { value: last.customerId, id: Number(last.id) };
  }
}

/**
 * Joins per day from `from` to `to` (both `yyyy-MM-dd`, days of `timeZone`, both included) and how
 * many joined in all that time — counted by countMembers, the lists dialect's memberCount.
 */
export async function joinedBetweenDays(tenantId: number, groupId: number, opts: { from: string; to: string; timeZone: string }) {
  const days = await membersJoinedPerDay(tenantId, groupId, opts);
  const start = parseDay(opts.from, "from");
  const end = parseDay(opts.to, "to");
  const range = {
    from: new Date(new TZDate(start.y, start.m - 1, start.d, opts.timeZone).getTime()),
    to: new Date(new TZDate(end.y, end.m - 1, end.d + 1, opts.timeZone).getTime()),
  };
  return { days, count: await countMembers(tenantId, groupId, range) };
}
