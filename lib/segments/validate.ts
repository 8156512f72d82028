import type { z } from "zod";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail, summarize, type ErrorDetail } from "@/lib/errors";
import { customFieldId, loadContext, walk, type RuleContext } from "./context";
import { parseRuleDate } from "./times";
import { branchOf, CHOICE_OPS, DATE_OPS, NUMBER_OPS, ruleSchema, TEXT_OPS, type Rule } from "./schemas";

/** The most nodes and the deepest nesting a rule tree may have. */
export const MAX_NODES = 500;
export const MAX_DEPTH = 20;

type Kind = "text" | "number" | "date" | "choice";
/** what the values of a choice field are, and where they must exist */
type Ref = "option" | "label" | "owner" | "stage" | "department" | "task" | "select" | null;

const OPS: Record<Kind, readonly string[]> = { text: TEXT_OPS, number: NUMBER_OPS, date: DATE_OPS, choice: CHOICE_OPS };

const BUILT_IN: Record<string, [Kind, Ref]> = {
  custname: ["text", null],
  email: ["text", null],
  phone: ["text", null],
  crmId: ["text", null],
  custType: ["choice", "option"],
  dealFlag: ["choice", "option"],
  custFrom: ["choice", "option"],
  stage: ["choice", "stage"],
  label: ["choice", "label"],
  owner: ["choice", "owner"],
  department: ["choice", "department"],
  task: ["choice", "task"],
  score: ["number", null],
  createdAt: ["date", null],
  updatedAt: ["date", null],
};
const CUSTOM_KIND: Record<string, [Kind, Ref]> = { text: ["text", null], number: ["number", null], date: ["date", null], select: ["choice", "select"] };
const ATTR_KIND: Record<string, Kind> = { text: "text", value: "number", Date: "date", DateTime: "date" };

const issuePath = (base: (string | number)[], extra: PropertyKey[] = []) => [...base, ...extra].map(String).join(".");

/**
 * Zod issues → details with the path in the rule. A failed union reports the errors of the member
 * the object means by its keys (`{"event": …}` is an event rule), not "no member matched".
 */
function zodDetails(issues: z.core.$ZodIssue[], input: unknown, base: (string | number)[] = []): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const issue of issues) {
    const at = [...base, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "invalid_union") {
      const value = at.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k as string] : undefined), input);
      const branch = branchOf(value);
      if (branch !== undefined && issue.errors[branch]?.length) {
        out.push(...zodDetails(issue.errors[branch], input, at));
        continue;
      }
      out.push({ path: issuePath(at), message: "is not a rule: expected all, any, not, field, group or event" });
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out.push({ path: issuePath(at, [k]), message: `unknown key "${k}"` });
      continue;
    }
    out.push({ path: issuePath(at), message: issue.message });
  }
  return out;
}

function invalid(details: ErrorDetail[]): never {
  throw fail("segment_rule_invalid", `the segment's rules are not valid: ${summarize(details)}`, {
    details: details.map((d) => ({ ...d, reason: "segment_rule_invalid" as const })),
  });
}

/** The rule tree's shape (zod), with the size limits. Throws segment_rule_invalid. */
export function parseRule(input: unknown): Rule {
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) invalid(zodDetails(parsed.error.issues, input));
  let nodes = 0;
  let tooDeep = "";
  walk(parsed.data, (_n, path) => {
    nodes++;
    const depth = path ? path.split(".").filter((p) => p === "all" || p === "any" || p === "not").length : 0;
    if (depth > MAX_DEPTH && !tooDeep) tooDeep = path;
  });
  if (nodes > MAX_NODES) invalid([{ path: "", message: `has ${nodes} rules; at most ${MAX_NODES}` }]);
  if (tooDeep) invalid([{ path: tooDeep, message: `nests deeper than ${MAX_DEPTH} levels` }]);
  return parsed.data;
}

interface Pending {
  ref: Exclude<Ref, null | "select">;
  value: string | number;
  path: string;
  /** for options: the option list (custType, dealFlag, custFrom) */
  list?: string;
}

/** Checks an operator's value for a kind; pushes details; collects references to look up. */
function checkValue(kind: Kind, ref: Ref, op: string, value: unknown, path: string, details: ErrorDetail[], refs: Pending[], options: string[] = []) {
  const err = (message: string, at = path) => details.push({ path: at, message });
  const isNone = value === undefined || value === null;
  if (!OPS[kind].includes(op)) return err(`"${op}" is not an operator for ${kind} values (${OPS[kind].join(", ")})`, path.replace(/value$/, "op"));
  if (op === "isEmpty" || op === "isNotEmpty") return isNone ? undefined : err(`${op} takes no value`);
  if (kind === "text") {
    if (op === "in") {
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string")) return err("expects a non-empty list of strings");
      return;
    }
    if (typeof value !== "string") return err("expects a string");
    if ((op === "contains" || op === "startsWith") && value === "") return err("expects a non-empty string");
    return;
  }
  if (kind === "number") {
    if (op === "between") {
      if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === "number")) return err("expects [from, to] numbers");
      if ((value[0] as number) > (value[1] as number)) return err("from is greater than to");
      return;
    }
    if (typeof value !== "number") return err("expects a number");
    return;
  }
  if (kind === "date") {
    if (op === "inLastDays" || op === "notInLastDays") {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 36_500) return err("expects a whole number of days (0–36500)");
      return;
    }
    const form = "a date yyyy-MM-dd or yyyy-MM-dd HH:mm:ss (years 1900–2999)";
    if (op === "between") {
      if (!Array.isArray(value) || value.length !== 2) return err(`expects [from, to], each ${form}`);
      const [a, b] = value.map(parseRuleDate);
      if (!a) return err(`expects ${form}`, `${path}.0`);
      if (!b) return err(`expects ${form}`, `${path}.1`);
      if (String(value[0]).padEnd(19, " ") > String(value[1]).padEnd(19, "~")) return err("from is after to");
      return;
    }
    if (!parseRuleDate(value)) return err(`expects ${form}`);
    return;
  }
  // choice
  const list = op === "in" || op === "notIn";
  const values: unknown[] = list ? (Array.isArray(value) ? value : []) : [value];
  if (list && values.length === 0) return err("expects a non-empty list");
  if (!list && Array.isArray(value)) return err(`${op} expects one value; use in or notIn for a list`);
  const byId = ref === "stage" || ref === "department" || ref === "task";
  values.forEach((v, i) => {
    const at = list ? `${path}.${i}` : path;
    if (byId ? !(typeof v === "number" && Number.isInteger(v) && v > 0) : typeof v !== "string" || v === "") {
      return err(byId ? `expects a ${ref} id` : "expects a name", at);
    }
    if (ref === "select") {
      if (!options.includes(v as string)) err(`"${v}" is not an option of this field`, at);
    } else if (ref) refs.push({ ref, value: v as string | number, path: at });
  });
}

/** Looks the collected names and ids up in one small query per kind. */
async function checkRefs(tenantId: number, refs: Pending[], groups: { id: number; path: string }[], tx: DbOrTx, details: ErrorDetail[]) {
  const of = <K extends Pending["ref"]>(k: K) => refs.filter((r) => r.ref === k);
  const strs = (k: Pending["ref"]) => [...new Set(of(k).map((r) => String(r.value)))];
  const nums = (k: Pending["ref"]) => [...new Set(of(k).map((r) => Number(r.value)))];
  const [options, labels, owners, stages, departments, tasks, groupRows] = await Promise.all([
    of("option").length ? tx.optionItem.findMany({ where: { tenantId, name: { in: strs("option") } }, select: { list: true, name: true } }) : [],
    of("label").length ? tx.label.findMany({ where: { tenantId, name: { in: strs("label") } }, select: { name: true } }) : [],
    of("owner").length ? tx.user.findMany({ where: { tenantId, loginNo: { in: strs("owner") } }, select: { loginNo: true } }) : [],
    of("stage").length ? tx.lifecycleStage.findMany({ where: { tenantId, id: { in: nums("stage") } }, select: { id: true } }) : [],
    of("department").length ? tx.department.findMany({ where: { tenantId, id: { in: nums("department") } }, select: { id: true } }) : [],
    of("task").length ? tx.task.findMany({ where: { tenantId, id: { in: nums("task") } }, select: { id: true } }) : [],
    groups.length ? tx.group.findMany({ where: { tenantId, id: { in: groups.map((g) => g.id) } }, select: { id: true } }) : [],
  ]);
  const known = {
    label: new Set(labels.map((l) => l.name)),
    owner: new Set(owners.map((u) => u.loginNo)),
    stage: new Set(stages.map((s) => String(s.id))),
    department: new Set(departments.map((d) => String(d.id))),
    task: new Set(tasks.map((t) => String(t.id))),
  };
  const optionSet = new Set(options.map((o) => `${o.list}\u0000${o.name}`));
  for (const r of refs) {
    const ok = r.ref === "option" ? optionSet.has(`${r.list}\u0000${r.value}`) : known[r.ref].has(String(r.value));
    if (!ok) {
      const what = { option: "option", label: "label", owner: "staff login number", stage: "stage", department: "department", task: "task" }[r.ref];
      details.push({ path: r.path, message: `no ${what} "${r.value}" in this workspace` });
    }
  }
  const groupSet = new Set(groupRows.map((g) => g.id));
  for (const g of groups) if (!groupSet.has(g.id)) details.push({ path: g.path, message: `no group ${g.id} in this workspace` });
}

/**
 * The rule tree, checked for shape and against the tenant's data: fields, operators by type,
 * value types, groups, event keys, attributes of the event type, option names, stages, labels,
 * staff, departments, tasks. Throws segment_rule_invalid with every problem's path in the rule.
 */
export async function validateRule(tenantId: number, input: unknown, tx: DbOrTx = db): Promise<{ rule: Rule; ctx: RuleContext }> {
  const rule = parseRule(input);
  const ctx = await loadContext(tenantId, rule, tx);
  const details: ErrorDetail[] = [];
  const refs: Pending[] = [];
  const groups: { id: number; path: string }[] = [];
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  walk(rule, (node, path) => {
    if ("field" in node) {
      const id = customFieldId(node.field);
      const def = id === null ? undefined : ctx.customFields.get(id);
      if (id !== null && !def) return void details.push({ path: at(path, "field"), message: `no custom field ${id} in this workspace` });
      const [kind, ref] = def ? CUSTOM_KIND[def.type] ?? CUSTOM_KIND.text : BUILT_IN[node.field];
      const before = refs.length;
      checkValue(kind, ref, node.op, node.value, at(path, "value"), details, refs, def?.options);
      if (ref === "option") for (const r of refs.slice(before)) r.list = node.field;
    } else if ("group" in node) {
      groups.push({ id: node.group, path: at(path, "group") });
    } else if ("event" in node) {
      const type = ctx.eventTypes.get(node.event);
      if (!type) return void details.push({ path: at(path, "event"), message: `no event type "${node.event}" in this workspace` });
      (node.where ?? []).forEach((cond, i) => {
        const p = at(path, `where.${i}`);
        const attrType = type.attrs.get(cond.attr);
        if (!attrType) return void details.push({ path: `${p}.attr`, message: `event type "${node.event}" has no attribute "${cond.attr}"` });
        checkValue(ATTR_KIND[attrType] ?? "text", null, cond.op, cond.value, `${p}.value`, details, refs);
      });
    }
  });
  await checkRefs(tenantId, refs, groups, tx, details);
  if (details.length) invalid(details);
  return { rule, ctx };
}
