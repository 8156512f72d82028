import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DomainError } from "@/lib/errors";
import { makeTenant } from "@/lib/test/factories";
import { addMembersByName, listMembersByName, removeMembersByName } from "./by-name";
import {
  addMember,
  addMembers,
  addMemberships,
  createGroup,
  createGroupIfAbsent,
  deleteGroup,
  getGroupByName,
  groupsOfCustomer,
  listGroups,
  removeMember,
  removeMembers,
  updateGroup,
} from "./service";

/** Groups and memberships: names, renames, deletes, batches and moves (members.test.ts: pages and counts). */

async function customers(tenantId: number, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push((await db.customer.create({ data: { tenantId, name } })).id);
  return ids;
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "expected the call to fail").toBeDefined();
  return err as DomainError;
}

const memberRows = (groupId: number) =>
  db.groupMember.findMany({ where: { groupId }, select: { customerId: true }, orderBy: { customerId: "asc" } }).then((r) => r.map((m) => m.customerId));

describe("groups", () => {
  it("names may repeat when created by id; by name, a shared name is ambiguous and create-if-absent skips", async () => {
    const t = await makeTenant();
    const a = await createGroup(t.id, { name: "金卡会员" });
    expect((await getGroupByName(t.id, "金卡会员")).id).toBe(a.id);
    const again = await createGroupIfAbsent(t.id, { name: "金卡会员" });
    expect(again).toMatchObject({ created: false, group: { id: a.id } });
    await createGroup(t.id, { name: "金卡会员" });
    const err = await rejection(getGroupByName(t.id, "金卡会员"));
    expect([err.kind, err.reason]).toEqual(["conflict", "group_ambiguous"]);
    expect((await rejection(getGroupByName(t.id, "银卡会员"))).reason).toBe("group_not_found");
  });

  it("another tenant's group does not exist", async () => {
    const [t, other] = [await makeTenant(), await makeTenant()];
    const g = await createGroup(other.id, { name: "theirs" });
    expect((await rejection(getGroupByName(t.id, "theirs"))).reason).toBe("group_not_found");
    expect((await rejection(updateGroup(t.id, g.id, { name: "mine" }))).reason).toBe("group_not_found");
    expect((await rejection(deleteGroup(t.id, g.id, { removeMembers: true }))).reason).toBe("group_not_found");
    expect((await listGroups(t.id)).total).toBe(0);
  });

  it("a rename to a name another group has is refused; to its own name is fine", async () => {
    const t = await makeTenant();
    const a = await createGroup(t.id, { name: "a" });
    await createGroup(t.id, { name: "b" });
    const err = await rejection(updateGroup(t.id, a.id, { name: "b" }));
    expect([err.kind, err.reason, err.path]).toEqual(["conflict", "group_name_taken", "name"]);
    expect((await updateGroup(t.id, a.id, { name: "a" })).name).toBe("a");
    expect((await updateGroup(t.id, a.id, { name: "新名字" })).name).toBe("新名字");
  });

  it("delete: refused while members remain unless removing them; customers always stay", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    const ids = await customers(t.id, ["甲", "乙"]);
    await addMembers(t.id, g.id, ids);
    const err = await rejection(deleteGroup(t.id, g.id, { removeMembers: false }));
    expect([err.kind, err.reason, err.params.count]).toEqual(["conflict", "group_not_empty", 2]);
    expect(await memberRows(g.id)).toEqual(ids);

    expect((await deleteGroup(t.id, g.id, { removeMembers: true })).removed).toBe(2);
    expect(await db.group.count({ where: { id: g.id } })).toBe(0);
    expect(await db.groupMember.count({ where: { groupId: g.id } })).toBe(0);
    expect(await db.customer.count({ where: { id: { in: ids } } })).toBe(2);

    const empty = await createGroup(t.id, { name: "empty" });
    expect((await deleteGroup(t.id, empty.id, { removeMembers: false })).removed).toBe(0);
  });

  it("lists with eq, in, like (% and _, case-sensitive, \\ escapes), sorts by name by code point, pages and counts members", async () => {
    const t = await makeTenant();
    for (const name of ["group_b", "group_a", "Group_c", "groupXd", "50%off", "其他"]) await createGroup(t.id, { name });
    const names = async (q: Parameters<typeof listGroups>[1]) => (await listGroups(t.id, q)).items.map((g) => g.name);
    const byName = [{ field: "name" as const, order: "asc" as const }];
    expect(await names({ name: { like: "group%" }, sort: byName })).toEqual(["groupXd", "group_a", "group_b"]);
    expect(await names({ name: { like: "group\\_%" }, sort: byName })).toEqual(["group_a", "group_b"]);
    expect(await names({ name: { like: "group_" }, sort: byName })).toEqual([]);
    expect(await names({ name: { like: "_roup__" }, sort: byName })).toEqual(["Group_c", "groupXd", "group_a", "group_b"]);
    expect(await names({ name: { like: "%\\%%" } })).toEqual(["50%off"]);
    expect(await names({ name: { eq: "其他" } })).toEqual(["其他"]);
    expect(await names({ name: { in: ["group_a", "nope", "Group_c"] }, sort: byName })).toEqual(["Group_c", "group_a"]);
    expect(await names({ sort: [{ field: "name", order: "desc" }], offset: 1, limit: 2 })).toEqual(["group_b", "group_a"]);
    expect(await names({ name: { contains: "GROUP" }, sort: byName })).toEqual(["Group_c", "groupXd", "group_a", "group_b"]);
    const page = await listGroups(t.id, { offset: 4, limit: 10 });
    expect([page.total, page.items.length]).toEqual([6, 2]);

    const g = (await getGroupByName(t.id, "group_a")).id;
    await addMembers(t.id, g, await customers(t.id, ["x", "y", "z"]));
    const counted = await listGroups(t.id, { name: { like: "group\\_%" }, sort: byName, withMemberCounts: true });
    expect(counted.items.map((i) => [i.name, i.memberCount])).toEqual([
      ["group_a", 3],
      ["group_b", 0],
    ]);
  });
});

describe("memberships by id", () => {
  it("adding an existing member answers the existing membership", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    const [c] = await customers(t.id, ["c"]);
    const first = await addMember(t.id, g.id, c);
    const second = await addMember(t.id, g.id, c);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(Number(second.member.id)).toBe(Number(first.member.id));
    expect(second.member.joinedAt).toEqual(first.member.joinedAt);
    const stored = await db.groupMember.findFirstOrThrow({ where: { groupId: g.id } });
    expect({ ...first.member, id: Number(first.member.id) }).toEqual({ id: Number(stored.id), groupId: g.id, customerId: c, joinedAt: stored.joinedAt, updatedAt: stored.updatedAt });
    expect(Math.abs(stored.joinedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await db.groupMember.count({ where: { groupId: g.id } })).toBe(1);
  });

  it("a batch is atomic: one unknown, deleted or foreign customer or group writes nothing and names every bad item", async () => {
    const [t, other] = [await makeTenant(), await makeTenant()];
    const g = await createGroup(t.id, { name: "g" });
    const theirGroup = await createGroup(other.id, { name: "theirs" });
    const ids = await customers(t.id, ["a", "b", "gone"]);
    await db.customer.update({ where: { id: ids[2] }, data: { deletedAt: new Date() } });
    const [foreign] = await customers(other.id, ["foreign"]);
    const items = [
      { groupId: g.id, customerId: ids[0] },
      { groupId: g.id, customerId: ids[2] },
      { groupId: g.id, customerId: foreign },
      { groupId: theirGroup.id, customerId: ids[1] },
      { groupId: g.id, customerId: ids[1] },
    ];
    const err = await rejection(addMemberships(t.id, items));
    expect(err.kind).toBe("not_found");
    expect(err.details.map((d) => [d.path, d.reason])).toEqual([
      ["items.1.customerId", "customer_not_found"],
      ["items.2.customerId", "customer_not_found"],
      ["items.3.groupId", "group_not_found"],
    ]);
    expect(await db.groupMember.count({ where: { tenantId: t.id } })).toBe(0);

    const ok = await addMemberships(t.id, [items[0], items[4], items[0]]);
    expect(ok.map((m) => m.customerId)).toEqual([ids[0], ids[1], ids[0]]);
    expect(Number(ok[2].id)).toBe(Number(ok[0].id));
    expect(await memberRows(g.id)).toEqual([ids[0], ids[1]]);
  });

  it("a batch of 10,000 (the most one call may add) is written in one go; 10,001 is refused", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "big" });
    await db.customer.createMany({ data: Array.from({ length: 10_000 }, (_, i) => ({ tenantId: t.id, name: `c${i}` })) });
    const ids = (await db.customer.findMany({ where: { tenantId: t.id }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const rows = await addMemberships(t.id, ids.map((customerId) => ({ groupId: g.id, customerId })));
    expect(rows).toHaveLength(10_000);
    expect(rows.map((r) => r.customerId)).toEqual(ids);
    expect(await db.groupMember.count({ where: { groupId: g.id } })).toBe(10_000);
    expect(await removeMembers(t.id, g.id, ids.slice(0, 5000))).toBe(5000);
    const tooMany = [...ids, ids[0]].map((customerId) => ({ groupId: g.id, customerId }));
    expect((await rejection(addMemberships(t.id, tooMany))).reason).toBe("batch_too_large");
  });

  it("removes by customer ids (non-members skipped) and by membership id (unknown → member_not_found)", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    const ids = await customers(t.id, ["a", "b", "c"]);
    const members = await addMembers(t.id, g.id, ids);
    expect(await removeMembers(t.id, g.id, [ids[0], ids[0], 999_999])).toBe(1);
    await removeMember(t.id, Number(members[1].id));
    expect(await memberRows(g.id)).toEqual([ids[2]]);
    expect((await rejection(removeMember(t.id, Number(members[1].id)))).reason).toBe("member_not_found");
    const other = await makeTenant();
    expect((await rejection(removeMember(other.id, Number(members[2].id)))).reason).toBe("member_not_found");
  });

  it("the groups of one customer, most recent membership first", async () => {
    const t = await makeTenant();
    const [c] = await customers(t.id, ["c"]);
    const a = await createGroup(t.id, { name: "a" });
    const b = await createGroup(t.id, { name: "b" });
    await addMember(t.id, a.id, c);
    const later = await addMember(t.id, b.id, c);
    await db.groupMember.update({ where: { id: Number(later.member.id) }, data: { joinedAt: new Date(Date.now() + 1000) } });
    expect((await groupsOfCustomer(t.id, c)).map((r) => r.group.name)).toEqual(["b", "a"]);
    expect(await groupsOfCustomer((await makeTenant()).id, c)).toEqual([]);
  });
});

describe("memberships by name", () => {
  it("adds by exact customer name; unknown → 404 and ambiguous → 409, naming the item, nothing written", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "目标组" });
    await customers(t.id, ["张三", "李四", "李四", "王五"]);
    const unknown = await rejection(addMembersByName(t.id, "目标组", [{ customerName: "张三" }, { customerName: "赵六" }]));
    expect([unknown.kind, unknown.reason, unknown.path]).toEqual(["not_found", "customer_not_found", "1.name"]);
    const ambiguous = await rejection(addMembersByName(t.id, "目标组", [{ customerName: "李四" }, { customerName: "张三" }]));
    expect([ambiguous.kind, ambiguous.reason, ambiguous.path, ambiguous.params.count]).toEqual(["conflict", "customer_ambiguous", "0.name", 2]);
    expect(await db.groupMember.count({ where: { groupId: g.id } })).toBe(0);

    await addMembersByName(t.id, "目标组", [{ customerName: "张三" }, { customerName: "王五" }, { customerName: "张三" }]);
    const page = await listMembersByName(t.id, "目标组", 0, 50);
    expect([page.total, page.items.map((i) => i.customerName)]).toEqual([2, ["张三", "王五"]]);
  });

  it("adding with groupName of another group the customer is in moves it; of a group it is not in, just adds", async () => {
    const t = await makeTenant();
    const [from, to, third] = [await createGroup(t.id, { name: "from" }), await createGroup(t.id, { name: "to" }), await createGroup(t.id, { name: "third" })];
    const [a, b, c] = await customers(t.id, ["a", "b", "c"]);
    await addMembers(t.id, from.id, [a, b]);
    await addMembers(t.id, third.id, [c]);
    const res = await addMembersByName(t.id, "to", [
      { customerName: "a", fromGroupName: "from" },
      { customerName: "c", fromGroupName: "from" },
      { customerName: "b", fromGroupName: "to" },
    ]);
    expect(res.moved).toBe(1);
    expect(await memberRows(from.id)).toEqual([b]);
    expect(await memberRows(to.id)).toEqual([a, b, c]);
    expect(await memberRows(third.id)).toEqual([c]);

    const err = await rejection(addMembersByName(t.id, "to", [{ customerName: "b", fromGroupName: "nowhere" }]));
    expect([err.reason, err.path]).toEqual(["group_not_found", "0.groupName"]);
    expect(await memberRows(from.id)).toEqual([b]);
  });

  it("removes named members; a non-member or another groupName refuses the whole batch", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    await createGroup(t.id, { name: "h" });
    const [a, b] = await customers(t.id, ["a", "b"]);
    await customers(t.id, ["c"]);
    await addMembers(t.id, g.id, [a, b]);
    const notMember = await rejection(removeMembersByName(t.id, "g", [{ customerName: "a" }, { customerName: "c" }]));
    expect([notMember.kind, notMember.reason, notMember.path]).toEqual(["not_found", "member_not_found", "1.name"]);
    const wrongGroup = await rejection(removeMembersByName(t.id, "g", [{ customerName: "a", groupName: "h" }]));
    expect([wrongGroup.kind, wrongGroup.path]).toEqual(["invalid", "0.groupName"]);
    expect(await memberRows(g.id)).toEqual([a, b]);
    expect((await removeMembersByName(t.id, "g", [{ customerName: "a", groupName: "g" }])).removed).toBe(1);
    expect(await memberRows(g.id)).toEqual([b]);
  });
});
