import type { Condition } from "./document";

/**
 * A trigger's `where` conditions over the recorded event's attributes (values as recorded: text,
 * numbers as text, `yyyy-MM-dd` / `yyyy-MM-dd HH:mm:ss`). Operators are the segment rules' ones
 * for the attribute's type. Evaluated in memory: the event is in hand when runs start.
 */

export type AttrType = "text" | "value" | "Date" | "DateTime";

export const OPERATORS: Record<AttrType, readonly string[]> = {
  text: ["eq", "neq", "contains", "startsWith", "in", "isEmpty", "isNotEmpty"],
  value: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty"],
  Date: ["eq", "before", "after", "between", "isEmpty", "isNotEmpty"],
  DateTime: ["before", "after", "between", "isEmpty", "isNotEmpty"],
};

const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

/** Why a condition's value does not suit its operator and type, or null when it does. */
export function conditionProblem(type: AttrType, c: Condition): string | null {
  if (!OPERATORS[type].includes(c.op)) return `operator "${c.op}" does not apply to a ${type} attribute (use ${OPERATORS[type].join(", ")})`;
  if (c.op === "isEmpty" || c.op === "isNotEmpty") return null;
  const v = c.value;
  const scalar = (x: unknown) =>
    type === "text" ? typeof x === "string" : type === "value" ? typeof x === "number" && Number.isFinite(x) : typeof x === "string" && DATE.test(x);
  if (c.op === "in") return Array.isArray(v) && v.length > 0 && v.every(scalar) ? null : "value must be a non-empty list of texts";
  if (c.op === "between") return Array.isArray(v) && v.length === 2 && v.every(scalar) ? null : "value must be a list of two bounds";
  if (!scalar(v)) return type === "text" ? "value must be a text" : type === "value" ? "value must be a number" : "value must be yyyy-MM-dd or yyyy-MM-dd HH:mm:ss";
  return null;
}

function compare(type: AttrType, a: string, b: unknown): number {
  if (type === "value") return Number(a) - Number(b);
  const x = a, y = String(b);
  const n = Math.min(x.length, y.length);
  return x.slice(0, n) < y.slice(0, n) ? -1 : x.slice(0, n) > y.slice(0, n) ? 1 : 0;
}

export function conditionHolds(type: AttrType, c: Condition, raw: string | undefined): boolean {
  const empty = raw === undefined || raw === "";
  if (c.op === "isEmpty") return empty;
  if (c.op === "isNotEmpty") return !empty;
  if (empty) return c.op === "neq";
  const v = c.value;
  switch (c.op) {
    case "eq":
      return type === "text" ? raw === v : compare(type, raw, v) === 0;
    case "neq":
      return type === "text" ? raw !== v : compare(type, raw, v) !== 0;
    case "contains":
      return raw.includes(String(v));
    case "startsWith":
      return raw.startsWith(String(v));
    case "in":
      return (v as unknown[]).includes(raw);
    case "gt":
    case "after":
      return compare(type, raw, v) > 0;
    case "gte":
      return compare(type, raw, v) >= 0;
    case "lt":
    case "before":
      return compare(type, raw, v) < 0;
    case "lte":
      return compare(type, raw, v) <= 0;
    case "between": {
      const [lo, hi] = v as unknown[];
      return compare(type, raw, lo) >= 0 && compare(type, raw, hi) <= 0;
    }
    default:
      return false;
  }
}
