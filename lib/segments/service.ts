import type { Prisma } from "@/generated/sqlite/client";
import { currentProvider } from "@/lib/db/sql";
import { db, type DbOrTx } from "@/lib/db/client";
import { instantParam, queryBuilder, runStatement } from "@/lib/db/kysely";
import { fail, isDomainError } from "@/lib/errors";
import { sql } from "kysely";
import { compileRule } from "./compile";
import { loadContext } from "./context";
import { countMatching, customerMatches, customersMatching, explainRule, membersPage, type EvalOptions, type ExplainNode, type MembersPage } from "./query";
import {
  createSegmentSchema,
  updateSegmentSchema,
  type CreateSegmentInput,
  type Rule,
  type SnapshotTarget,
  type UpdateSegmentInput,
} from "./schemas";
import { parseRule, validateRule } from "./validate";

/** A saved segment as the console and the CLI see it. */
export interface SegmentView {
  id: number;
  name: string;
  description: string | null;
  rules: Rule;
  createdAt: Date;
  updatedAt: Date;
}

const select = { id: true, name: true, description: true, rules: true, createdAt: true, updatedAt: true } as const;
type Row = Prisma.SegmentGetPayload<{ select: typeof select }>;
const view = (r: Row): SegmentView => ({ ...r, rules: r.rules as unknown as Rule });

async function findOrThrow(tenantId: number, id: number, tx: DbOrTx = db): Promise<SegmentView> {
  const row = await tx.segment.findFirst({ where: { id, tenantId }, select });
  if (!row) throw fail("segment_not_found", `segment ${id} not found`, { params: { id } });
  return view(row);
}

/**
 * The stored rules, shape-checked. Not re-checked against the tenant's data: a saved segment whose
 * label or event type has since gone still evaluates (that part matches nobody).
 */
function storedRule(s: SegmentView): Rule {
  return parseRule(s.rules);
}

export async function createSegment(tenantId: number, input: CreateSegmentInput, tx: DbOrTx = db): Promise<SegmentView> {
  const data = createSegmentSchema.parse(input);
  const { rule } = await validateRule(tenantId, data.rules, tx);
  const row = await tx.segment.create({
    data: { tenantId, name: data.name, description: data.description ?? null, rules: rule as unknown as Prisma.InputJsonValue },
    select,
  });
  return view(row);
}

/** Rename, describe, or replace the rules (checked like a new segment's). */
export async function updateSegment(tenantId: number, id: number, input: UpdateSegmentInput, tx: DbOrTx = db): Promise<SegmentView> {
  const data = updateSegmentSchema.parse(input);
  await findOrThrow(tenantId, id, tx);
  const rules = data.rules === undefined ? undefined : (await validateRule(tenantId, data.rules, tx)).rule;
  const row = await tx.segment.update({
    where: { id },
    data: {
      ...(data.name !== undefined && { name: data.name }),
      ...(data.description !== undefined && { description: data.description }),
      ...(rules !== undefined && { rules: rules as unknown as Prisma.InputJsonValue }),
    },
    select,
  });
  return view(row);
}

export async function duplicateSegment(tenantId: number, id: number, tx: DbOrTx = db): Promise<SegmentView> {
  const s = await findOrThrow(tenantId, id, tx);
  const row = await tx.segment.create({
    data: { tenantId, name: `${s.name} (copy)`.slice(0, 100), description: s.description, rules: s.rules as unknown as Prisma.InputJsonValue },
    select,
  });
  return view(row);
}

/**
 * The scenarios whose documents refer to this segment. None can: a scenario document (AUTOMATION.md)
 * never stores a segment id — a branch's `if` is a segment *rule* written inline (the rule format has
 * no "member of segment N" leaf), and `withsegments` names segments at fire time only. A fan-out reads
 * its segments' rules once when the worker starts it, so deleting a segment later cannot break a run;
 * one deleted before its fan-out starts contributes nobody. Kept as the one place to fill in if the
 * rule format ever gains a segment reference (a query over ScenarioVersion.document).
 */
export async function scenariosUsingSegment(_tenantId: number, _segmentId: number, _tx: DbOrTx = db): Promise<{ id: number; name: string }[]> {
  return [];
}

/** Refuses with segment_in_use, naming the scenarios, while a scenario refers to it. */
export async function deleteSegment(tenantId: number, id: number, tx: DbOrTx = db): Promise<{ id: number }> {
  await findOrThrow(tenantId, id, tx);
  const users = await scenariosUsingSegment(tenantId, id, tx);
  if (users.length) {
    const scenarios = users.map((s) => s.name).join(", ");
    throw fail("segment_in_use", `segment ${id} is used by scenarios: ${scenarios}`, { params: { scenarios } });
  }
  await tx.segment.delete({ where: { id } });
  return { id };
}

export async function getSegment(tenantId: number, id: number, tx: DbOrTx = db): Promise<SegmentView> {
  return findOrThrow(tenantId, id, tx);
}

/**
 * Every segment of the tenant with its live count (one count query per segment). A segment whose
 * stored rules no longer parse shows count null rather than failing the whole list.
 */
export async function listSegments(tenantId: number, o: EvalOptions = {}): Promise<(SegmentView & { count: number | null })[]> {
  const rows = await (o.tx ?? db).segment.findMany({ where: { tenantId }, select, orderBy: { id: "asc" } });
  const out: (SegmentView & { count: number | null })[] = [];
  for (const r of rows) {
    const s = view(r);
    let count: number | null = null;
    try {
      count = await countMatching(tenantId, storedRule(s), o);
    } catch (err) {
      if (!isDomainError(err)) throw err;
    }
    out.push({ ...s, count });
  }
  return out;
}

export async function countSegment(tenantId: number, id: number, o: EvalOptions = {}): Promise<number> {
  return countMatching(tenantId, storedRule(await findOrThrow(tenantId, id, o.tx)), o);
}

export async function segmentMembers(tenantId: number, id: number, page: { after?: number; limit: number }, o: EvalOptions = {}): Promise<MembersPage> {
  return membersPage(tenantId, storedRule(await findOrThrow(tenantId, id, o.tx)), page, o);
}

/** Is this customer in the segment now? For scenario branches: pass the step's transaction as `tx`. */
export async function segmentMatches(tenantId: number, id: number, customerId: number, o: EvalOptions = {}): Promise<boolean> {
  return customerMatches(tenantId, storedRule(await findOrThrow(tenantId, id, o.tx)), customerId, o);
}

/** Does a rule (a scenario branch's `if`, already validated when the scenario was saved) match this customer now? */
export async function ruleMatches(tenantId: number, rules: unknown, customerId: number, o: EvalOptions = {}): Promise<boolean> {
  return customerMatches(tenantId, parseRule(rules), customerId, o);
}

/** Which of these customers a rule (a branch's `if`) matches now: one statement for the whole set. */
export async function rulesMatchAmong(tenantId: number, rules: unknown, customerIds: readonly number[], o: EvalOptions = {}): Promise<Set<number>> {
  return customersMatching(tenantId, parseRule(rules), customerIds, o);
}

export async function explainSegment(tenantId: number, id: number, customerId: number, o: EvalOptions = {}): Promise<ExplainNode> {
  return explainRule(tenantId, storedRule(await findOrThrow(tenantId, id, o.tx)), customerId, o);
}

/** The live builder: rules being edited → checked, then their count and first members. */
export async function previewRules(tenantId: number, rules: unknown, o: EvalOptions & { limit?: number } = {}) {
  const { rule, ctx } = await validateRule(tenantId, rules, o.tx);
  const opts = { ...o, ctx };
  const [count, page] = await Promise.all([countMatching(tenantId, rule, opts), membersPage(tenantId, rule, { limit: o.limit ?? 20 }, opts)]);
  return { count, members: page.items };
}

/** The tenant's segments this customer is in now (each segment evaluated for this one customer). */
export async function segmentsOfCustomer(tenantId: number, customerId: number, o: EvalOptions = {}): Promise<{ id: number; name: string }[]> {
  const tx = o.tx ?? db;
  const customer = await tx.customer.findFirst({ where: { id: customerId, tenantId, deletedAt: null }, select: { id: true } });
  if (!customer) throw fail("customer_not_found", `customer ${customerId} not found`, { params: { customerId } });
  const rows = await tx.segment.findMany({ where: { tenantId }, select, orderBy: { id: "asc" } });
  const out: { id: number; name: string }[] = [];
  for (const r of rows) {
    let rule: Rule;
    try {
      rule = storedRule(view(r));
    } catch {
      continue;
    }
    if (await customerMatches(tenantId, rule, customerId, o)) out.push({ id: r.id, name: r.name });
  }
  return out;
}

/** An integer parameter typed for both providers (PostgreSQL would read a bare one in a select list as text). */
const int = (n: number) => sql<number>`CAST(${n} AS integer)`;

/**
 * Writes the segment's current members into a static group (an existing one, or a new one by name),
 * in one transaction, with one INSERT … SELECT of the compiled member query: the ids never pass
 * through this process. Members already in the group stay; answers how many were added.
 */
export async function snapshotToGroup(
  tenantId: number,
  id: number,
  target: SnapshotTarget,
  o: { now?: Date } = {},
): Promise<{ groupId: number; added: number }> {
  const segment = await findOrThrow(tenantId, id);
  const rule = storedRule(segment);
  const now = o.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      let groupId: number;
      if ("groupId" in target) {
        const g = await tx.group.findFirst({ where: { id: target.groupId, tenantId }, select: { id: true } });
        if (!g) throw fail("group_not_found", `group ${target.groupId} not found`, { path: "groupId", params: { id: target.groupId } });
        groupId = g.id;
      } else {
        const taken = await tx.group.findFirst({ where: { tenantId, name: target.newGroupName }, select: { id: true } });
        if (taken) throw fail("group_name_taken", `a group is already named ${target.newGroupName}`, { path: "newGroupName" });
        groupId = (await tx.group.create({ data: { tenantId, name: target.newGroupName, description: `snapshot of segment ${segment.name}` } })).id;
      }
      const provider = currentProvider();
      const co = { ctx: await loadContext(tenantId, rule, tx), provider, mode: "set" as const, now };
      const at = instantParam(now, provider);
      const insert = queryBuilder(provider)
        .insertInto("GroupMember")
        .columns(["tenantId", "groupId", "customerId", "joinedAt", "updatedAt"])
        .expression(
          queryBuilder(provider)
            .selectFrom("Customer as c")
            .where("c.tenantId", "=", tenantId)
            .where("c.deletedAt", "is", null)
            .where((eb) => compileRule(eb, rule, co))
            .select([int(tenantId).as("tenantId"), int(groupId).as("groupId"), "c.id", at.as("joinedAt"), at.as("updatedAt")]),
        )
        .onConflict((oc) => oc.columns(["groupId", "customerId"]).doNothing())
        .compile();
      const added = await runStatement(insert, tx);
      await tx.group.update({ where: { id: groupId }, data: { updatedAt: now } });
      return { groupId, added };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
