import { parse, isValid } from "date-fns";
import type { DbOrTx } from "@/lib/db/client";
import { invalid } from "@/lib/http/errors";
import { deleteValue, findValues, upsertValue } from "./repository";
import { fieldKey, TEXT_VALUE_MAX, type CustomFieldDefinition, type CustomFieldEntry } from "./schemas";

/** A custom field error, in the customers dialect's code 2000 family. */
function fieldError(message: string, path = "jsonStr") {
  return invalid(message, [{ path, message }], "2000");
}

/** The value as stored (a trimmed string), or null for an empty one; a bad value is a 400. */
export function normalizeFieldValue(def: CustomFieldDefinition, raw: string | null, key = def.key): string | null {
  if (raw == null) return null;
  const value = raw.trim();
  if (value === "") return null;
  switch (def.type) {
    case "number":
      if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(Number(value))) {
        throw fieldError(`自定义字段 ${key} 的值不正确: 应为数字`);
      }
      return value;
    case "date": {
      const d = parse(value, "yyyy-MM-dd", new Date(0));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(d)) throw fieldError(`自定义字段 ${key} 的值不正确: 应为日期 yyyy-MM-dd`);
      return value;
    }
    case "select":
      if (!(def.options ?? []).includes(value)) {
        throw fieldError(`自定义字段 ${key} 的值不正确: 应为 ${(def.options ?? []).join(" | ")} 之一`);
      }
      return value;
    default:
      if (value.length > TEXT_VALUE_MAX) throw fieldError(`自定义字段 ${key} 的值不正确: 最多${TEXT_VALUE_MAX}个字符`);
      return value;
  }
}

export interface FieldChange {
  fieldId: number;
  name: string;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * Checks the given entries against the tenant's definitions: every key must name an existing
 * field (id and name), values must fit the field's type, and on creation every required field
 * needs a value (`缺少自定义字段 <id>_<name>`). On update, a required field may not be cleared.
 * Returns the normalised values by field id.
 */
export function checkFieldEntries(
  defs: CustomFieldDefinition[],
  entries: CustomFieldEntry[],
  mode: "create" | "update",
): Map<number, { def: CustomFieldDefinition; value: string | null }> {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out = new Map<number, { def: CustomFieldDefinition; value: string | null }>();
  for (const entry of entries) {
    const def = byId.get(entry.fieldId);
    if (!def || (entry.fieldName !== undefined && entry.fieldName !== def.name)) {
      throw fieldError(`未知的自定义字段 ${entry.key}`);
    }
    out.set(def.id, { def, value: normalizeFieldValue(def, entry.value, entry.key) });
  }
  for (const def of defs) {
    if (!def.required) continue;
    const given = out.get(def.id);
    const missing = mode === "create" ? !given || given.value == null : given !== undefined && given.value == null;
    if (missing) throw fieldError(`缺少自定义字段 ${fieldKey(def)}`);
  }
  return out;
}

/** Writes checked values for one customer; returns what changed (for the change feed). */
export async function writeFieldValues(
  customerId: number,
  checked: Map<number, { def: CustomFieldDefinition; value: string | null }>,
  tx: DbOrTx,
): Promise<FieldChange[]> {
  if (checked.size === 0) return [];
  const current = new Map((await findValues(customerId, tx)).map((v) => [v.fieldId, v.value]));
  const changes: FieldChange[] = [];
  for (const [fieldId, { def, value }] of checked) {
    const old = current.get(fieldId) ?? null;
    if (old === value) continue;
    if (value == null) await deleteValue(customerId, fieldId, tx);
    else await upsertValue(customerId, fieldId, value, tx, typedValue(def, value));
    changes.push({ fieldId, name: def.name, oldValue: old, newValue: value });
  }
  return changes;
}

/** The typed copy of a stored value that segments compare: a number, or a date (00:00 UTC of the day). */
export function typedValue(def: CustomFieldDefinition, value: string): { numValue: number | null; dateValue: Date | null } {
  if (def.type === "number") return { numValue: Number(value), dateValue: null };
  if (def.type === "date") return { numValue: null, dateValue: new Date(`${value}T00:00:00.000Z`) };
  return { numValue: null, dateValue: null };
}

/** `392_消费情况` → {fieldId: 392, fieldName: "消费情况"}; anything else → null. */
export function parseFieldKey(key: string): { fieldId: number; fieldName: string } | null {
  const m = /^(\d{1,9})_(.+)$/.exec(key.trim());
  return m ? { fieldId: Number(m[1]), fieldName: m[2] } : null;
}
