import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DomainError } from "@/lib/errors";
import { makeTenant } from "@/lib/test/factories";
import type { MemberSort, SortOrder } from "./schemas";
import { addMember, addMembers, countMembers, createGroup, membersJoinedPerDay, pageMembers } from "./service";

/** Member pages (keyset), join-date counts and concurrent adds. */

async function customers(tenantId: number, n: number, prefix = "c"): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await db.customer.create({ data: { tenantId, name: `${prefix}${i}` } })).id);
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

describe("member pages: sinceId is a strict bound on the sort field, never an offset", () => {
  it("walks every sort field in both directions without gaps or repeats", async () => {
    const t = await makeTenant();
    const [g1, g2] = [await createGroup(t.id, { name: "g1" }), await createGroup(t.id, { name: "g2" })];
    const ids = await customers(t.id, 7);
    await addMembers(t.id, g1.id, ids);
    await addMembers(t.id, g2.id, ids.slice(0, 3));
    const all = await db.groupMember.findMany({ where: { tenantId: t.id } });

    const walk = async (q: { groupId?: number; sort: MemberSort; order: SortOrder }, limit: number) => {
      const seen: number[][] = [];
      let after: { value: number } | undefined;
      for (;;) {
        const page = await pageMembers(t.id, { ...q, limit, after });
        if (!page.items.length) break;
        seen.push(page.items.map((m) => Number(m.id)));
        const last = page.items.at(-1)!;
        after = { value: q.sort === "id" ? Number(last.id) : last[q.sort as "groupId" | "customerId"] };
      }
      return seen;
    };

    // by id over the tenant: every membership once, in id order either way
    const byId = all.map((m) => Number(m.id)).sort((a, b) => a - b);
    expect((await walk({ sort: "id", order: "asc" }, 4)).flat()).toEqual(byId);
    expect((await walk({ sort: "id", order: "desc" }, 4)).flat()).toEqual([...byId].reverse());

    // by customer id within one group (the default; unique there, so the walk is exact)
    const inG1 = await walk({ groupId: g1.id, sort: "customerId", order: "asc" }, 3);
    expect(inG1.map((p) => p.length)).toEqual([3, 3, 1]);
    const customerOf = new Map(all.map((m) => [Number(m.id), m.customerId]));
    expect(inG1.flat().map((id) => customerOf.get(id))).toEqual(ids);
    const inG1Desc = await walk({ groupId: g1.id, sort: "customerId", order: "desc" }, 3);
    expect(inG1Desc.flat().map((id) => customerOf.get(id))).toEqual([...ids].reverse());

    // by group id: the bound skips the rest of a group, as the seed defines it
    const byGroup = await pageMembers(t.id, { sort: "groupId", order: "asc", after: { value: g1.id }, limit: 100 });
    expect(byGroup.items.map((m) => m.groupId)).toEqual([g2.id, g2.id, g2.id]);
    const byGroupDesc = await pageMembers(t.id, { sort: "groupId", order: "desc", after: { value: g2.id }, limit: 100 });
    expect(byGroupDesc.items.map((m) => m.groupId)).toEqual(Array(7).fill(g1.id));
  });

  it("the console's (value, id) cursor never skips ties; filters by customer and name; rejects bad sizes and foreign filters", async () => {
    const t = await makeTenant();
    const [g1, g2] = [await createGroup(t.id, { name: "g1" }), await createGroup(t.id, { name: "g2" })];
    const ids = await customers(t.id, 4, "王");
    await addMembers(t.id, g1.id, ids);
    await addMembers(t.id, g2.id, ids);
    const seen: number[] = [];
    let after: { value: number | Date; id: number } | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await pageMembers(t.id, { sort: "customerId", order: "asc", after, limit: 3 });
      seen.push(...page.items.map((m) => Number(m.id)));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);

    const ofOne = await pageMembers(t.id, { customerId: ids[1], sort: "groupId", order: "asc" });
    expect(ofOne.items.map((m) => m.groupId)).toEqual([g1.id, g2.id]);
    expect((await pageMembers(t.id, { groupId: g1.id, search: "王2" })).items.map((m) => m.customer.name)).toEqual(["王2"]);

    expect((await rejection(pageMembers(t.id, { limit: 10_001 }))).kind).toBe("invalid");
    expect((await pageMembers(t.id, { limit: 10_000 })).items).toHaveLength(8);
    const other = await makeTenant();
    expect((await rejection(pageMembers(other.id, { groupId: g1.id }))).reason).toBe("group_not_found");
    expect((await rejection(pageMembers(other.id, { customerId: ids[0] }))).reason).toBe("customer_not_found");
  });
});

describe("join-date counts", () => {
  it("count from ≤ joinedAt < to, at the millisecond edges", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    const ids = await customers(t.id, 4);
    const members = await addMembers(t.id, g.id, ids);
    const at = ["2016-11-11T11:11:10.999Z", "2016-11-11T11:11:11.000Z", "2016-11-12T00:00:00.000Z", "2016-11-12T00:00:00.001Z"];
    for (const [i, m] of members.entries()) await db.groupMember.update({ where: { id: Number(m.id) }, data: { joinedAt: new Date(at[i]) } });
    const count = (from?: string, to?: string) =>
      countMembers(t.id, g.id, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
    expect(await count()).toBe(4);
    expect(await count("2016-11-11T11:11:11.000Z")).toBe(3);
    expect(await count(undefined, "2016-11-12T00:00:00.000Z")).toBe(2);
    expect(await count("2016-11-11T11:11:11.000Z", "2016-11-12T00:00:00.000Z")).toBe(1);
    expect(await count("2016-11-11T11:11:11.000Z", "2016-11-12T00:00:00.001Z")).toBe(2);
    expect(await count("2016-11-12T00:00:00.002Z")).toBe(0);
    expect((await rejection(count("2016-11-12T00:00:00Z", "2016-11-11T00:00:00Z"))).reason).toBe("range_reversed");
    expect((await rejection(countMembers((await makeTenant()).id, g.id))).reason).toBe("group_not_found");
  });

  it("members joined per day, days cut in the tenant's time zone", async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    const members = await addMembers(t.id, g.id, await customers(t.id, 3));
    // Shanghai is UTC+8: 15:59:59.999Z is still the 1st there, 16:00Z is the 2nd
    const at = ["2024-03-01T15:59:59.999Z", "2024-03-01T16:00:00.000Z", "2024-03-03T01:00:00.000Z"];
    for (const [i, m] of members.entries()) await db.groupMember.update({ where: { id: Number(m.id) }, data: { joinedAt: new Date(at[i]) } });
    expect(await membersJoinedPerDay(t.id, g.id, { from: "2024-03-01", to: "2024-03-03", timeZone: "Asia/Shanghai" })).toEqual([
      { day: "2024-03-01", count: 1 },
      { day: "2024-03-02", count: 1 },
      { day: "2024-03-03", count: 1 },
    ]);
    expect(await membersJoinedPerDay(t.id, g.id, { from: "2024-03-01", to: "2024-03-02", timeZone: "UTC" })).toEqual([
      { day: "2024-03-01", count: 2 },
      { day: "2024-03-02", count: 0 },
    ]);
    expect((await rejection(membersJoinedPerDay(t.id, g.id, { from: "2024-03-02", to: "2024-03-01", timeZone: "UTC" }))).reason).toBe("range_reversed");
    expect((await rejection(membersJoinedPerDay(t.id, g.id, { from: "2024-02-30", to: "2024-03-01", timeZone: "UTC" }))).reason).toBe("invalid_time");
  });
});

describe("concurrent adds of the same members", () => {
  it("another process adding the same members at the same moment: one row each, no error", { timeout: 60_000 }, async () => {
    const t = await makeTenant();
    const g = await createGroup(t.id, { name: "g" });
    const ids = await customers(t.id, 40);
    const root = path.resolve(__dirname, "../..");
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(__dirname, "testing/add-members-process.ts")], {
      cwd: root,
      env: { ...process.env, TENANT_ID: String(t.id), GROUP_ID: String(g.id), CUSTOMER_IDS: ids.join(",") },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    const lines = new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("ready\n")) resolve("ready");
      });
    });
    const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await lines;
    child.stdin.end("go\n");
    // all at once from this process too (on PostgreSQL they run on several pooled connections)
    const ours = (await Promise.all(ids.map((id) => addMember(t.id, g.id, id)))).map((r) => Number(r.member.id));
    await done;
    const theirs = JSON.parse(out.trim().split("\n").at(-1)!) as { ids: number[]; errors: string[] };
    expect(theirs.errors).toEqual([]);
    expect(theirs.ids).toEqual(ours);
    expect(await db.groupMember.count({ where: { groupId: g.id } })).toBe(40);
  });
});
