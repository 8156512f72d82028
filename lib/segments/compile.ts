import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { FALSE, TRUE, instantParam, type DB } from "@/lib/db/kysely";
import type { Provider } from "@/lib/db/config";
import { normalizePhone } from "@/lib/customers/identity";
import { customFieldId, type RuleContext } from "./context";
import { dateBounds, type Bounds } from "./times";
import type { AttrCondition, EventRule, FieldRule, Rule } from "./schemas";

/**
 * Rule tree → one SQL predicate over `Customer as c`, built with Kysely for the current provider.
 * Values are always bound parameters. Every leaf is two-valued (never NULL), so NOT means "does not
 * match" even where a column is empty.
 *
 * Two shapes of the same predicate:
 * - "set": relations as `c.id IN (SELECT customerId …)`, answered once for the whole tenant from the
 *   (tenantId, eventTypeId, happenTime) / typed attribute / group indexes: counts and member pages.
 * - "one": the same relations as correlated EXISTS / COUNT for one customer: "does X match now", explain.
 */

export type Scope = DB & { c: DB["Customer"] };
export type Eb = ExpressionBuilder<Scope, "c">;
type Pred = Expression<SqlBool>;

export interface CompileOptions {
  ctx: RuleContext;
  provider: Provider;
  mode: "set" | "one";
  now: Date;
}

const ref = (r: string) => sql.ref(r);
const not = (eb: Eb, p: Pred): Pred => eb.not(p);
const and = (eb: Eb, ps: Pred[]): Pred => (ps.length === 0 ? TRUE : ps.length === 1 ? ps[0] : eb.and(ps));
const or = (eb: Eb, ps: Pred[]): Pred => (ps.length === 0 ? FALSE : ps.length === 1 ? ps[0] : eb.or(ps));

export function compileRule(eb: Eb, rule: Rule, o: CompileOptions): Pred {
  if ("all" in rule) return and(eb, rule.all.map((r) => compileRule(eb, r, o)));
  if ("any" in rule) return or(eb, rule.any.map((r) => compileRule(eb, r, o)));
  if ("not" in rule) return not(eb, compileRule(eb, rule.not, o));
  if ("group" in rule) return groupMember(eb, rule.group, o);
  if ("event" in rule) return compileEvent(eb, rule, o);
  return compileField(eb, rule, o);
}

/** `c.id IN (sub)` (set) or `EXISTS (sub AND customerId = c.id)` (one); `sub` selects customer ids. */
function customerIn(
  eb: Eb,
  o: CompileOptions,
  sub: (correlate: (customerColumn: string) => Pred | null) => Expression<unknown>,
): Pred {
  if (o.mode === "set") return eb("c.id", "in", sub(() => null) as Expression<number>);
  return eb.exists(sub((col) => eb(ref(col), "=", ref("c.id"))));
}

const listOf = (v: unknown): (string | number)[] => (Array.isArray(v) ? v : [v]) as (string | number)[];

// ─── Groups ──────────────────────────────────────────────────────────────────────────────────────

function groupMember(eb: Eb, groupId: number, o: CompileOptions): Pred {
  return customerIn(eb, o, (corr) => {
    let q = eb
      .selectFrom("GroupMember as gm")
      .select("gm.customerId")
      .where("gm.groupId", "=", groupId)
      .where("gm.tenantId", "=", o.ctx.tenantId);
    const c = corr("gm.customerId");
    if (c) q = q.where(c);
    return q;
  });
}

// ─── Scalar comparisons on one column ────────────────────────────────────────────────────────────

/** A positive text condition on a column that may be NULL; false (not NULL) when it is. */
function textCond(eb: Eb, col: Expression<unknown>, op: string, value: unknown, o: CompileOptions): Pred {
  const present = eb(col, "is not", null);
  const fn = sql.raw(o.provider === "postgresql" ? "strpos" : "instr");
  switch (op) {
    case "eq":
      return eb.and([present, eb(col, "=", String(value))]);
    case "in":
      return eb.and([present, eb(col, "in", listOf(value).map(String))]);
    case "contains":
      return eb.and([present, sql<SqlBool>`${fn}(${col}, ${String(value)}) > 0`]);
    case "startsWith":
      return eb.and([present, sql<SqlBool>`${fn}(${col}, ${String(value)}) = 1`]);
    case "isNotEmpty":
      return eb.and([present, eb(col, "<>", "")]);
    default:
      throw new RangeError(`text op ${op}`);
  }
}

/** Negative operators are NOT of their positive twin, so they include customers with no value. */
const NEGATIVE: Record<string, string> = { neq: "eq", notIn: "in", isEmpty: "isNotEmpty" };

function numberCond(eb: Eb, col: Expression<unknown>, op: string, value: unknown): Pred {
  const present = eb(col, "is not", null);
  const v = Number(value);
  switch (op) {
    case "eq":
      return eb.and([present, eb(col, "=", v)]);
    case "gt":
      return eb.and([present, eb(col, ">", v)]);
    case "gte":
      return eb.and([present, eb(col, ">=", v)]);
    case "lt":
      return eb.and([present, eb(col, "<", v)]);
    case "lte":
      return eb.and([present, eb(col, "<=", v)]);
    case "between": {
      const [a, b] = (value as number[]).map(Number);
      return eb.and([present, eb(col, ">=", a), eb(col, "<=", b)]);
    }
    default:
      throw new RangeError(`number op ${op}`);
  }
}

function boundsCond(eb: Eb, col: Expression<unknown>, b: Bounds, o: CompileOptions): Pred {
  const p = (d: Date) => instantParam(d, o.provider);
  const parts: Pred[] = [eb(col, "is not", null)];
  if (b.gte) parts.push(eb(col, ">=", p(b.gte)));
  if (b.gt) parts.push(eb(col, ">", p(b.gt)));
  if (b.lt) parts.push(eb(col, "<", p(b.lt)));
  if (b.lte) parts.push(eb(col, "<=", p(b.lte)));
  return eb.and(parts);
}

function dateCond(eb: Eb, col: Expression<unknown>, op: string, value: unknown, o: CompileOptions, dayColumn: boolean): Pred {
  const zone = dayColumn ? "UTC" : o.ctx.timeZone;
  const b = dateBounds(op, value, { zone, tenantZone: o.ctx.timeZone, now: o.now, dayColumn });
  const inside = boundsCond(eb, col, b, o);
  if (op !== "notInLastDays") return inside;
  return eb.and([eb(col, "is not", null), eb.not(inside)]);
}

type Kind = "text" | "number" | "date" | "day";

/** A positive condition of a value column of `kind` (negatives are handled by the callers). */
function valueCond(eb: Eb, kind: Kind, col: Expression<unknown>, op: string, value: unknown, o: CompileOptions): Pred {
  if (kind === "text") return textCond(eb, col, op, value, o);
  if (kind === "number") return numberCond(eb, col, op, value);
  return dateCond(eb, col, op, value, o, kind === "day");
}

/** For a column of the customer row: negatives as NOT of the positive; isEmpty of text is NULL or ''. */
function columnRule(eb: Eb, kind: Kind, col: Expression<unknown>, op: string, value: unknown, o: CompileOptions): Pred {
  if (op in NEGATIVE) return eb.not(columnRule(eb, kind, col, NEGATIVE[op], value, o));
  if (op === "isNotEmpty" && kind !== "text") return eb(col, "is not", null);
  return valueCond(eb, kind, col, op, value, o);
}

// ─── Fields ──────────────────────────────────────────────────────────────────────────────────────

const OPTION_LIST: Record<string, { list: string; column: "c.typeId" | "c.dealFlagId" | "c.sourceId" }> = {
  custType: { list: "custType", column: "c.typeId" },
  dealFlag: { list: "dealFlag", column: "c.dealFlagId" },
  custFrom: { list: "custFrom", column: "c.sourceId" },
};
const ID_COLUMN: Record<string, "c.stageId" | "c.departmentId" | "c.taskId"> = {
  stage: "c.stageId",
  department: "c.departmentId",
  task: "c.taskId",
};

function compileField(eb: Eb, rule: FieldRule, o: CompileOptions): Pred {
  const { field, op, value } = rule;
  const t = o.ctx.tenantId;
  if (op in NEGATIVE) return eb.not(compileField(eb, { field, op: NEGATIVE[op], value }, o));

  switch (field) {
    case "custname":
      return columnRule(eb, "text", ref("c.name"), op, value, o);
    case "email":
      return columnRule(eb, "text", ref("c.email"), op, value, o);
    case "crmId":
      return columnRule(eb, "text", ref("c.crmId"), op, value, o);
    case "score":
      return columnRule(eb, "number", ref("c.score"), op, value, o);
    case "createdAt":
      return columnRule(eb, "date", ref("c.createdAt"), op, value, o);
    case "updatedAt":
      return columnRule(eb, "date", ref("c.updatedAt"), op, value, o);
    case "phone": {
      const v = op === "isNotEmpty" ? value : Array.isArray(value) ? value.map((x) => normalizePhone(String(x))) : normalizePhone(String(value));
      return customerIn(eb, o, (corr) => {
        let q = eb
          .selectFrom("CustomerPhone as p")
          .select("p.customerId")
          .where("p.tenantId", "=", t)
          .where((pe) => textCond(pe as unknown as Eb, ref("p.number"), op, v, o));
        const c = corr("p.customerId");
        if (c) q = q.where(c);
        return q;
      });
    }
    case "custType":
    case "dealFlag":
    case "custFrom": {
      const { list, column } = OPTION_LIST[field];
      if (op === "isNotEmpty") return eb(column, "is not", null);
      const ids = eb
        .selectFrom("OptionItem as oi")
        .select("oi.id")
        .where("oi.tenantId", "=", t)
        .where("oi.list", "=", list)
        .where("oi.name", "in", listOf(value).map(String));
      return eb.and([eb(column, "is not", null), eb(column, "in", ids)]);
    }
    case "owner": {
      if (op === "isNotEmpty") return eb("c.ownerId", "is not", null);
      const ids = eb
        .selectFrom("User as u")
        .select("u.id")
        .where("u.tenantId", "=", t)
        .where("u.loginNo", "in", listOf(value).map(String));
      return eb.and([eb("c.ownerId", "is not", null), eb("c.ownerId", "in", ids)]);
    }
    case "stage":
    case "department":
    case "task": {
      const column = ID_COLUMN[field];
      if (op === "isNotEmpty") return eb(column, "is not", null);
      return eb.and([eb(column, "is not", null), eb(column, "in", listOf(value).map(Number))]);
    }
    case "label":
      return customerIn(eb, o, (corr) => {
        let q = eb.selectFrom("CustomerLabel as cl").innerJoin("Label as l", "l.id", "cl.labelId").select("cl.customerId").where("l.tenantId", "=", t);
        if (op !== "isNotEmpty") q = q.where("l.name", "in", listOf(value).map(String));
        const c = corr("cl.customerId");
        if (c) q = q.where(c);
        return q;
      });
    default:
      return customField(eb, rule, o);
  }
}

function customField(eb: Eb, rule: FieldRule, o: CompileOptions): Pred {
  const id = customFieldId(rule.field);
  const def = id === null ? undefined : o.ctx.customFields.get(id);
  // a field deleted after the segment was saved has no values: nothing has it
  if (id === null || !def) return FALSE;
  const { op, value } = rule;
  const [kind, col]: [Kind, string] =
    def.type === "number" ? ["number", "v.numValue"] : def.type === "date" ? ["day", "v.dateValue"] : ["text", "v.value"];
  return customerIn(eb, o, (corr) => {
    let q = eb.selectFrom("CustomFieldValue as v").select("v.customerId").where("v.fieldId", "=", id);
    if (op !== "isNotEmpty" || kind === "text") {
      q = q.where((ve) => valueCond(ve as unknown as Eb, kind, ref(col), op, value, o));
    }
    const c = corr("v.customerId");
    if (c) q = q.where(c);
    return q;
  });
}

// ─── Behaviour ───────────────────────────────────────────────────────────────────────────────────

const ATTR_KIND: Record<string, [Kind, string]> = {
  text: ["text", "a.value"],
  value: ["number", "a.numValue"],
  Date: ["date", "a.timeValue"],
  DateTime: ["date", "a.timeValue"],
};

/** Events of this rule's type, window and attribute conditions (rows of `CustomerEvent as e`). */
function eventsQuery(eb: Eb, rule: EventRule, eventTypeId: number, o: CompileOptions) {
  const t = o.ctx.tenantId;
  const attrs = o.ctx.eventTypes.get(rule.event)?.attrs ?? new Map<string, string>();
  let q = eb.selectFrom("CustomerEvent as e").where("e.tenantId", "=", t).where("e.eventTypeId", "=", eventTypeId);
  if (rule.withinDays !== undefined) {
    const b = dateBounds("inLastDays", rule.withinDays, { zone: o.ctx.timeZone, tenantZone: o.ctx.timeZone, now: o.now, dayColumn: false });
    q = q.where("e.happenTime", ">=", instantParam(b.gte!, o.provider)).where("e.happenTime", "<=", instantParam(b.lte!, o.provider));
  }
  for (const cond of rule.where ?? []) q = q.where((qe) => attrCond(qe as unknown as Eb, cond, attrs.get(cond.attr), eventTypeId, o));
  return q;
}

/** One attribute condition on the event `e`: some attribute row satisfies it (negatives: none does). */
function attrCond(eb: Eb, cond: AttrCondition, type: string | undefined, eventTypeId: number, o: CompileOptions): Pred {
  const negative = cond.op in NEGATIVE;
  const op = negative ? NEGATIVE[cond.op] : cond.op;
  if (!type) return negative ? TRUE : FALSE; // an attribute the event type no longer declares: no event has it
  const [kind, col] = ATTR_KIND[type] ?? ATTR_KIND.text;
  const valuePred = (ae: Eb) => (op === "isNotEmpty" && kind !== "text" ? ae(ref(col), "is not", null) : valueCond(ae, kind, ref(col), op, cond.value, o));
  let hit: Pred;
  if (o.mode === "set") {
    // narrowed by the typed (tenantId, eventTypeId, attrKey, numValue | timeValue) indexes
    const ids = eb
      .selectFrom("CustomerEventAttribute as a")
      .select("a.eventId")
      .where("a.tenantId", "=", o.ctx.tenantId)
      .where("a.eventTypeId", "=", eventTypeId)
      .where("a.attrKey", "=", cond.attr)
      .where((ae) => valuePred(ae as unknown as Eb));
    hit = eb(ref("e.id"), "in", ids);
  } else {
    hit = eb.exists(
      eb
        .selectFrom("CustomerEventAttribute as a")
        .select("a.id")
        .where(ref("a.eventId"), "=", ref("e.id"))
        .where("a.attrKey", "=", cond.attr)
        .where((ae) => valuePred(ae as unknown as Eb)),
    );
  }
  return negative ? eb.not(hit) : hit;
}

/** "did at least n" as a predicate; n ≤ 0 is always true. */
function didAtLeast(eb: Eb, rule: EventRule, eventTypeId: number, n: number, o: CompileOptions): Pred {
  if (n <= 0) return TRUE;
  if (o.mode === "set") {
    let q = eventsQuery(eb, rule, eventTypeId, o).select("e.customerId");
    if (n > 1) q = q.groupBy("e.customerId").having((he) => he(he.fn.countAll(), ">=", n));
    return eb("c.id", "in", q);
  }
  const mine = eventsQuery(eb, rule, eventTypeId, o).where(ref("e.customerId"), "=", ref("c.id"));
  if (n === 1) return eb.exists(mine.select("e.id"));
  return eb(mine.select((se) => se.fn.countAll().as("n")), ">=", n);
}

function compileEvent(eb: Eb, rule: EventRule, o: CompileOptions): Pred {
  const { op, value } = rule.count ?? { op: "gte", value: 1 };
  const type = o.ctx.eventTypes.get(rule.event);
  // an event type deleted since: nobody did it
  const atLeast = (n: number) => (n <= 0 ? TRUE : type ? didAtLeast(eb, rule, type.id, n, o) : FALSE);
  if (op === "gte") return atLeast(value);
  if (op === "lte") return not(eb, atLeast(value + 1));
  // eq
  if (value === 0) return not(eb, atLeast(1));
  if (o.mode === "set" && type) {
    const q = eventsQuery(eb, rule, type.id, o).select("e.customerId").groupBy("e.customerId").having((he) => he(he.fn.countAll(), "=", value));
    return eb("c.id", "in", q);
  }
  return and(eb, [atLeast(value), not(eb, atLeast(value + 1))]);
}
