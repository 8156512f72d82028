import type { AttributeType } from "@/lib/event-types/attribute-types";
import { CHOICE_OPS, DATE_OPS, NUMBER_OPS, TEXT_OPS, type Rule } from "@/lib/segments/schemas";
import type { SegmentRefs } from "./refs";

/**
 * What the builder knows of each field: its kind (which operators and which value input) and, for
 * choices, where its values come from. The same table as lib/segments/validate.ts, which stays the
 * judge: anything this lets through is checked again by the server and shown at its row.
 */
export type Kind = "text" | "number" | "date" | "choice";
export type ChoiceSource = "custType" | "dealFlag" | "custFrom" | "stage" | "label" | "owner" | "department" | "task" | "select";

export const OPS: Record<Kind, readonly string[]> = { text: TEXT_OPS, number: NUMBER_OPS, date: DATE_OPS, choice: CHOICE_OPS };

export const BUILT_IN: { field: string; kind: Kind; source?: ChoiceSource }[] = [
  { field: "custname", kind: "text" },
  { field: "email", kind: "text" },
  { field: "phone", kind: "text" },
  { field: "crmId", kind: "text" },
  { field: "custType", kind: "choice", source: "custType" },
  { field: "dealFlag", kind: "choice", source: "dealFlag" },
  { field: "custFrom", kind: "choice", source: "custFrom" },
  { field: "stage", kind: "choice", source: "stage" },
  { field: "score", kind: "number" },
  { field: "label", kind: "choice", source: "label" },
  { field: "owner", kind: "choice", source: "owner" },
  { field: "department", kind: "choice", source: "department" },
  { field: "task", kind: "choice", source: "task" },
  { field: "createdAt", kind: "date" },
  { field: "updatedAt", kind: "date" },
];

const CUSTOM_KIND: Record<string, Kind> = { text: "text", number: "number", date: "date", select: "choice" };
export const ATTR_KIND: Record<AttributeType, Kind> = { text: "text", value: "number", Date: "date", DateTime: "date" };

export interface FieldInfo {
  kind: Kind;
  source?: ChoiceSource;
  /** a custom select field's options */
  options?: string[];
}

export function fieldInfo(field: string, refs: SegmentRefs): FieldInfo {
  const builtIn = BUILT_IN.find((f) => f.field === field);
  if (builtIn) return builtIn;
  const id = field.startsWith("custom:") ? Number(field.slice(7)) : NaN;
  const def = refs.customFields.find((f) => f.id === id);
  if (!def) return { kind: "text" };
  const kind = CUSTOM_KIND[def.type] ?? "text";
  return kind === "choice" ? { kind, source: "select", options: def.options } : { kind };
}

/** The choices of a choice field: what the rule stores (value) and what a person reads (label). */
export function choicesOf(info: FieldInfo, refs: SegmentRefs): { value: string | number; label: string }[] {
  switch (info.source) {
    case "custType":
    case "dealFlag":
    case "custFrom":
      return refs.options[info.source].map((name) => ({ value: name, label: name }));
    case "label":
      return refs.labels.map((name) => ({ value: name, label: name }));
    case "owner":
      return refs.owners.map((u) => ({ value: u.loginNo, label: `${u.name} (${u.loginNo})` }));
    case "stage":
      return refs.stages.map((s) => ({ value: s.id, label: s.name }));
    case "department":
      return refs.departments.map((s) => ({ value: s.id, label: s.name }));
    case "task":
      return refs.tasks.map((s) => ({ value: s.id, label: s.name }));
    case "select":
      return (info.options ?? []).map((name) => ({ value: name, label: name }));
    default:
      return [];
  }
}

/** Stages, departments and tasks are stored by id; everything else chosen by name. */
export const storesIds = (info: FieldInfo) => info.source === "stage" || info.source === "department" || info.source === "task";

/** The value an operator starts with when chosen: a list for in/between, none for isEmpty. */
export function initialValue(op: string): unknown {
  if (op === "isEmpty" || op === "isNotEmpty") return undefined;
  if (op === "in" || op === "notIn") return [];
  if (op === "between") return [];
  return undefined;
}

const blank = (v: unknown) => v === undefined || v === null || v === "" || (typeof v === "number" && Number.isNaN(v));

/**
 * What is visibly missing before asking the server (a value not yet entered, an event not chosen):
 * shown at its row in the user's language, and no count is asked for a rule that cannot be valid.
 */
export function missingParts(rule: Rule, path = ""): string[] {
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const value = (op: string, v: unknown, p: string): string[] => {
    if (op === "isEmpty" || op === "isNotEmpty") return [];
    if (op === "between") return Array.isArray(v) && v.length === 2 && !v.some(blank) ? [] : [p];
    if (op === "in" || op === "notIn") return Array.isArray(v) && v.length > 0 ? [] : [p];
    return blank(v) ? [p] : [];
  };
  if ("all" in rule) return rule.all.flatMap((r, i) => missingParts(r, at(`all.${i}`)));
  if ("any" in rule) return rule.any.flatMap((r, i) => missingParts(r, at(`any.${i}`)));
  if ("not" in rule) return missingParts(rule.not, at("not"));
  if ("field" in rule) return value(rule.op, rule.value, at("value"));
  if ("group" in rule) return rule.group > 0 ? [] : [at("group")];
  if (!rule.event) return [at("event")];
  return (rule.where ?? []).flatMap((w, i) => (w.attr ? value(w.op, w.value, at(`where.${i}.value`)) : [at(`where.${i}.attr`)]));
}
