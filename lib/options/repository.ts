import { db, type DbOrTx } from "@/lib/db/client";
import type { OptionList } from "./schemas";

export const optionSelect = { id: true, list: true, name: true, value: true, sort: true } as const;

export function findOptions(tenantId: number, tx: DbOrTx = db) {
  return tx.optionItem.findMany({ where: { tenantId }, select: optionSelect, orderBy: [{ sort: "asc" }, { id: "asc" }] });
}

export function findOptionById(tenantId: number, list: OptionList, id: number, tx: DbOrTx = db) {
  return tx.optionItem.findFirst({ where: { tenantId, list, id }, select: optionSelect });
}

export function findOptionByName(tenantId: number, list: OptionList, name: string, tx: DbOrTx = db) {
  return tx.optionItem.findUnique({ where: { tenantId_list_name: { tenantId, list, name } }, select: optionSelect });
}

export function findOptionByValue(tenantId: number, list: OptionList, value: string, tx: DbOrTx = db) {
  return tx.optionItem.findUnique({ where: { tenantId_list_value: { tenantId, list, value } }, select: optionSelect });
}

export function findOptionValues(tenantId: number, list: OptionList, tx: DbOrTx = db) {
  return tx.optionItem.findMany({ where: { tenantId, list }, select: { value: true, sort: true } });
}

export function insertOption(
  tenantId: number,
  data: { list: OptionList; name: string; value: string; sort: number },
  tx: DbOrTx = db,
) {
  return tx.optionItem.create({ data: { tenantId, ...data }, select: optionSelect });
}

/** An option of any list by id, with how many customers hold it. */
export function findOptionWithUsage(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.optionItem.findFirst({
    where: { tenantId, id },
    select: { ...optionSelect, _count: { select: { typeOf: true, dealFlagOf: true, sourceOf: true } } },
  });
}

export function updateOptionRow(id: number, data: { name?: string; value?: string; sort?: number }, tx: DbOrTx = db) {
  return tx.optionItem.update({ where: { id }, data, select: optionSelect });
}

export function deleteOptionRow(id: number, tx: DbOrTx = db) {
  return tx.optionItem.delete({ where: { id } });
}
