import { db, type DbOrTx } from "@/lib/db/client";
import { fail, type ErrorDetail, type Reason } from "@/lib/errors";
import * as repo from "./repository";
import type { GroupRow } from "./repository";
import { MAX_BATCH } from "./schemas";
import { getGroupByName } from "./service";

/**
 * Groups and customers addressed by their exact names (the groups dialect; a console import by
 * name could use the same). Customers are the tenant's live ones; a name that matches several
 * customers or groups is ambiguous and refused. Batches are all or nothing: the error names every
 * bad item (`<index>.name`, `<index>.groupName`) and nothing is written.
 */

export interface NamedMemberInput {
  customerName: string;
  /** the group the customer comes from: set to another group it is in, the customer moves */
  fromGroupName?: string | null;
}

export interface NamedRemoveInput {
  customerName: string;
  /** if given, must be the group being emptied */
  groupName?: string | null;
}

function throwIfBad(bad: ErrorDetail[]): void {
  if (!bad.length) return;
  const first = bad[0];
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more)` : "";
  throw fail(first.reason ?? "invalid_input", `${first.path}: ${first.message}${more}`, { details: bad, params: first.params });
}

const detail = (path: string, reason: Reason, message: string, params: Record<string, string | number>): ErrorDetail => ({
  path,
  reason,
  message,
  params,
});

/** Each name's one live customer id; unknown and ambiguous names become details. */
async function resolveCustomers(tenantId: number, names: readonly string[], tx: DbOrTx, bad: ErrorDetail[]) {
  const found = await repo.findLiveCustomersByName(tenantId, names, tx);
  const byName = new Map<string, number[]>();
  for (const c of found) byName.set(c.name, [...(byName.get(c.name) ?? []), c.id]);
  return names.map((name, i) => {
    const ids = byName.get(name) ?? [];
    if (ids.length === 0) bad.push(detail(`${i}.name`, "customer_not_found", `customer "${name}" not found`, { name }));
    else if (ids.length > 1) {
      bad.push(detail(`${i}.name`, "customer_ambiguous", `${ids.length} customers are named "${name}"`, { name, count: ids.length }));
    }
    return ids.length === 1 ? ids[0] : undefined;
  });
}

function checkBatch(n: number) {
  if (n > MAX_BATCH) throw fail("batch_too_large", `at most ${MAX_BATCH} items per call (got ${n})`, { params: { max: MAX_BATCH } });
}

/**
 * Adds customers to the group named `groupName`. An item whose `fromGroupName` is another group the
 * customer is in moves it: the membership there is removed in the same transaction. A customer that
 * is not in that group is simply added; one already in the target keeps its membership.
 */
export function addMembersByName(tenantId: number, groupName: string, items: readonly NamedMemberInput[]) {
  checkBatch(items.length);
  return db.$transaction(async (tx) => {
    const target = await getGroupByName(tenantId, groupName, tx);
    const bad: ErrorDetail[] = [];
    const customerIds = await resolveCustomers(tenantId, items.map((i) => i.customerName), tx, bad);
    const looked = new Map<string, GroupRow[]>();
    for (const from of new Set(items.map((i) => i.fromGroupName))) {
      if (from && from !== target.name) looked.set(from, await repo.findGroupsByName(tenantId, from, 2, tx));
    }
    const sources = new Map<string, GroupRow>();
    items.forEach((item, i) => {
      const from = item.fromGroupName;
      const found = from ? looked.get(from) : undefined;
      if (!from || !found) return;
      if (found.length === 1) sources.set(from, found[0]);
      else if (found.length === 0) bad.push(detail(`${i}.groupName`, "group_not_found", `group "${from}" not found`, { name: from }));
      else bad.push(detail(`${i}.groupName`, "group_ambiguous", `several groups are named "${from}"`, { name: from }));
    });
    throwIfBad(bad);

    const ids = customerIds as number[];
    await repo.insertMembers(tx, tenantId, [...new Set(ids)].map((customerId) => ({ groupId: target.id, customerId })), new Date());
    const moves = new Map<number, number[]>();
    items.forEach((item, i) => {
      const source = item.fromGroupName ? sources.get(item.fromGroupName) : undefined;
      if (source) moves.set(source.id, [...(moves.get(source.id) ?? []), ids[i]]);
    });
    let moved = 0;
    for (const [groupId, cids] of moves) moved += await repo.deleteMembers(groupId, [...new Set(cids)], tx);
    return { group: target, customers: items.map((i) => i.customerName), moved };
  });
}

/** Removes customers from the group named `groupName`; every item must be a member of it. */
export function removeMembersByName(tenantId: number, groupName: string, items: readonly NamedRemoveInput[]) {
  checkBatch(items.length);
  return db.$transaction(async (tx) => {
    const group = await getGroupByName(tenantId, groupName, tx);
    const bad: ErrorDetail[] = [];
    items.forEach((item, i) => {
      if (item.groupName != null && item.groupName !== group.name) {
        bad.push(
          detail(`${i}.groupName`, "invalid_input", `must be "${group.name}", the group in the path (got "${item.groupName}")`, {
            name: item.groupName,
          }),
        );
      }
    });
    const customerIds = await resolveCustomers(tenantId, items.map((i) => i.customerName), tx, bad);
    const known = customerIds.filter((id): id is number => id !== undefined);
    const members = new Set((await repo.findMembersOf(known.map((customerId) => ({ groupId: group.id, customerId })), tx)).map((m) => m.customerId));
    customerIds.forEach((id, i) => {
      if (id !== undefined && !members.has(id)) {
        const name = items[i].customerName;
        bad.push(detail(`${i}.name`, "member_not_found", `customer "${name}" is not in group "${group.name}"`, { name }));
      }
    });
    throwIfBad(bad);
    const removed = await repo.deleteMembers(group.id, [...new Set(known)], tx);
    return { group, customers: items.map((i) => i.customerName), removed };
  });
}

/** A page of a named group's members with their names, oldest membership first, by offset. */
export async function listMembersByName(tenantId: number, groupName: string, offset: number, limit: number) {
  const group = await getGroupByName(tenantId, groupName);
  const [total, rows] = await Promise.all([repo.countMembers(group.id), repo.findMembersWithNames(group.id, offset, limit)]);
  return { group, total, items: rows.map((r) => ({ customerName: r.customer.name, memberId: r.id, joinedAt: r.joinedAt })) };
}
