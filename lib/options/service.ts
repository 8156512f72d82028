import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import {
  deleteOptionRow,
  findOptionById,
  findOptionByName,
  findOptionByValue,
  findOptions,
  findOptionValues,
  findOptionWithUsage,
  insertOption,
  updateOptionRow,
} from "./repository";
import {
  OPTION_LISTS,
  createOptionSchema,
  type CreateOptionInput,
  type OptionItem,
  type OptionList,
  type OptionLists,
  type OptionRef,
  type UpdateOptionInput,
  updateOptionSchema,
} from "./schemas";

function serialize(row: { id: number; list: string; name: string; value: string; sort: number }): OptionItem {
  return { id: row.id, list: row.list as OptionList, name: row.name, value: row.value, sort: row.sort };
}

/** The tenant's three option lists, each by `sort` then id. */
export async function listOptionLists(tenantId: number, tx: DbOrTx = db): Promise<OptionLists> {
  const out: OptionLists = { custType: [], dealFlag: [], custFrom: [] };
  for (const row of await findOptions(tenantId, tx)) {
    if ((OPTION_LISTS as readonly string[]).includes(row.list)) out[row.list as OptionList].push(serialize(row));
  }
  return out;
}

/** An unknown value of an option list (the seed words it `'xxx' is not a valid custtype`). */
export function notAValidOption(list: OptionList, shown: string) {
  return fail("invalid_option", `'${shown}' is not a valid ${list.toLowerCase()}`, { path: list, params: { list, value: shown } });
}

/** An option of this tenant's list, by id or by name; an unknown one is invalid_option. */
export async function resolveOption(tenantId: number, list: OptionList, ref: OptionRef, tx: DbOrTx = db): Promise<OptionItem> {
  const row =
    "id" in ref ? await findOptionById(tenantId, list, ref.id, tx) : await findOptionByName(tenantId, list, ref.name.trim(), tx);
  if (!row) throw notAValidOption(list, "id" in ref ? String(ref.id) : ref.name);
  return serialize(row);
}

/** For search filters: an option by name or, failing that, by its code (`value`). */
export async function findOptionByNameOrValue(tenantId: number, list: OptionList, text: string, tx: DbOrTx = db) {
  const byName = await findOptionByName(tenantId, list, text, tx);
  if (byName) return serialize(byName);
  const byValue = await findOptionByValue(tenantId, list, text, tx);
  return byValue ? serialize(byValue) : null;
}

export async function createOption(tenantId: number, input: CreateOptionInput, actor: Actor): Promise<OptionItem> {
  const data = createOptionSchema.parse(input);
  return db.$transaction(async (tx) => {
    if (await findOptionByName(tenantId, data.list, data.name, tx)) {
      throw fail("duplicate", `"${data.name}" already exists in ${data.list}`, { path: "name", params: { name: data.name, list: data.list } });
    }
    const existing = await findOptionValues(tenantId, data.list, tx);
    let value = data.value;
    if (value === undefined) {
      const numeric = existing.map((o) => Number(o.value)).filter((n) => Number.isInteger(n));
      value = String(numeric.length ? Math.max(...numeric) + 1 : 0);
    } else if (existing.some((o) => o.value === value)) {
      throw fail("option_value_taken", `the value "${value}" is already used in ${data.list}`, { path: "value", params: { value, list: data.list } });
    }
    const sort = data.sort ?? (existing.length ? Math.max(...existing.map((o) => o.sort)) + 1 : 0);
    const row = await insertOption(tenantId, { list: data.list, name: data.name, value, sort }, tx);
    await writeAudit(tx, tenantId, actor, { action: "option.create", entity: "OptionItem", entityId: row.id, details: { ...data, value, sort } });
    return serialize(row);
  });
}

/** Renames, recodes or re-sorts an option; its name and code stay unique within its list. */
export async function updateOption(tenantId: number, id: number, input: UpdateOptionInput, actor: Actor): Promise<OptionItem> {
  const data = updateOptionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findOptionWithUsage(tenantId, id, tx);
    if (!before) throw fail("option_not_found", `option ${id} not found`, { params: { id } });
    const list = before.list as OptionList;
    if (data.name !== undefined) {
      const other = await findOptionByName(tenantId, list, data.name, tx);
      if (other && other.id !== id) throw fail("duplicate", `"${data.name}" already exists in ${list}`, { path: "name", params: { name: data.name, list } });
    }
    if (data.value !== undefined) {
      const other = await findOptionByValue(tenantId, list, data.value, tx);
      if (other && other.id !== id) {
        throw fail("option_value_taken", `the value "${data.value}" is already used in ${list}`, { path: "value", params: { value: data.value, list } });
      }
    }
    const row = await updateOptionRow(id, data, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "option.update",
      entity: "OptionItem",
      entityId: id,
      details: { before: serialize(before), after: serialize(row) },
    });
    return serialize(row);
  });
}

/** Removes an option no customer holds; one in use is a 409 (re-assign those customers first). */
export async function deleteOption(tenantId: number, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findOptionWithUsage(tenantId, id, tx);
    if (!row) throw fail("option_not_found", `option ${id} not found`, { params: { id } });
    const used = row._count.typeOf + row._count.dealFlagOf + row._count.sourceOf;
    if (used > 0) throw fail("option_in_use", `"${row.name}" is held by ${used} customer(s)`, { params: { name: row.name, count: used } });
    await deleteOptionRow(id, tx);
    await writeAudit(tx, tenantId, actor, { action: "option.delete", entity: "OptionItem", entityId: id, details: { ...serialize(row) } });
  });
}
