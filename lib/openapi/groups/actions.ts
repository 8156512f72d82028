import type { z } from "zod";
import { json } from "@/lib/http/dialect";
import { addMembersByName, listMembersByName, removeMembersByName } from "@/lib/groups/by-name";
import * as groups from "@/lib/groups/service";
import { toNameFilter, type groupMembersBodySchema, type groupSearchBodySchema } from "./wire";

/**
 * The groups dialect's actions: names in, names out, over the group service. Route files only wire
 * these to groupsRoute.
 */

type Page = { offset: number; limit: number };
const names = (items: { name: string }[]) => items.map((g) => ({ name: g.name }));

export async function listGroupsAction(tenantId: number, page: Page) {
  const { total, items } = await groups.listGroups(tenantId, page);
  return { total, items: names(items) };
}

export async function searchGroupsAction(tenantId: number, page: Page, body: z.output<typeof groupSearchBodySchema>) {
  const { filter, impossible } = toNameFilter(body.querys);
  if (impossible) return { total: 0, items: [] };
  const { total, items } = await groups.listGroups(tenantId, {
    ...page,
    name: filter,
    sort: body.sorts.map((s) => ({ field: "name" as const, order: s.order })),
  });
  return { total, items: names(items) };
}

/** 201 when created; 200 when a group of that name already existed (skipped, as the seed says). */
export async function createGroupAction(tenantId: number, name: string) {
  const { group, created } = await groups.createGroupIfAbsent(tenantId, { name });
  return json({ status: 0, data: { items: [{ name: group.name }] } }, created ? 201 : 200);
}

export async function getGroupAction(tenantId: number, name: string) {
  const group = await groups.getGroupByName(tenantId, name);
  return { total: 1, items: [{ name: group.name }] };
}

export async function renameGroupAction(tenantId: number, name: string, newName: string) {
  const group = await groups.getGroupByName(tenantId, name);
  const renamed = await groups.updateGroup(tenantId, group.id, { name: newName });
  return { items: [{ name: renamed.name }] };
}

export async function deleteGroupAction(tenantId: number, name: string) {
  const group = await groups.getGroupByName(tenantId, name);
  await groups.deleteGroup(tenantId, group.id, { removeMembers: false });
  return { items: [{ name: group.name }] };
}

export async function listGroupCustomersAction(tenantId: number, name: string, page: Page) {
  const { group, total, items } = await listMembersByName(tenantId, name, page.offset, page.limit);
  return { total, items: items.map((i) => ({ name: i.customerName, groupName: group.name })) };
}

export async function addGroupCustomersAction(tenantId: number, name: string, body: z.output<typeof groupMembersBodySchema>) {
  const { group, customers } = await addMembersByName(
    tenantId,
    name,
    body.map((i) => ({ customerName: i.name, fromGroupName: i.groupName })),
  );
  return { items: customers.map((c) => ({ name: c, groupName: group.name })) };
}

export async function removeGroupCustomersAction(tenantId: number, name: string, body: z.output<typeof groupMembersBodySchema>) {
  const { customers } = await removeMembersByName(
    tenantId,
    name,
    body.map((i) => ({ customerName: i.name, groupName: i.groupName })),
  );
  return { items: customers.map((c) => ({ name: c })) };
}
