import { json } from "@/lib/http/dialect";
import * as groups from "@/lib/groups/service";
import type { z } from "zod";
import {
  LIST_SIDX,
  MEMBER_SIDX,
  toWireList,
  toWireMember,
  type listMembersQuerySchema,
  type listsQuerySchema,
  type memberCountQuerySchema,
} from "./wire";

/**
 * The lists dialect's actions: wire input → group service → seed 001's answer. Route files only
 * wire these to listsRoute. Nothing here decides what may happen; the service does.
 */

export async function createListAction(tenantId: number, name: string) {
  return toWireList(await groups.createGroup(tenantId, { name }));
}

export async function deleteListAction(tenantId: number, id: number) {
  const { group } = await groups.deleteGroup(tenantId, id, { removeMembers: true });
  return toWireList(group);
}

/** jqGrid: `page`, `records` (matching lists), `total` (pages), `rows`. */
export async function listListsAction(tenantId: number, q: z.output<typeof listsQuerySchema>) {
  const { total, items } = await groups.listGroups(tenantId, {
    sort: [{ field: LIST_SIDX[q.sidx], order: q.sord }],
    offset: (q.page - 1) * q.rows,
    limit: q.rows,
  });
  return { page: q.page, records: total, total: Math.ceil(total / q.rows), rows: items.map(toWireList) };
}

/** 201 with the new membership, or 200 with the one that already existed. */
export async function addListMemberAction(tenantId: number, data: { customerId: number; listId: number }) {
  const { member, created } = await groups.addMember(tenantId, data.listId, data.customerId);
  return json({ data: toWireMember(member) }, created ? 201 : 200);
}

export async function removeListMemberAction(tenantId: number, id: number) {
  return toWireMember(await groups.removeMember(tenantId, id));
}

export async function addListMembersBatchAction(tenantId: number, items: { customerId: number; listId: number }[]) {
  const rows = await groups.addMemberships(
    tenantId,
    items.map((i) => ({ groupId: i.listId, customerId: i.customerId })),
  );
  return { items: rows.map(toWireMember) };
}

export async function removeFromListAction(tenantId: number, listId: number, customerIds: number[]) {
  return { removed: await groups.removeMembers(tenantId, listId, customerIds) };
}

export async function listMembersAction(tenantId: number, q: z.output<typeof listMembersQuerySchema>) {
  const page = await groups.pageMembers(tenantId, {
    groupId: q.listId,
    customerId: q.customerId,
    sort: MEMBER_SIDX[q.sidx],
    order: q.sord,
    after: q.sinceId === undefined ? undefined : { value: q.sinceId },
    limit: q.rows,
  });
  return { items: page.items.map(toWireMember) };
}

/** Both ends included at the precision written: `joinListDateTo=…11:11:11` counts up to 11:11:11.999. */
export async function memberCountAction(tenantId: number, q: z.output<typeof memberCountQuerySchema>) {
  return { count: await groups.countMembers(tenantId, q.listId, { from: q.joinListDateSince?.at, to: q.joinListDateTo?.end }) };
}
