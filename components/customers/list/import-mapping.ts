import enCustomers from "@/messages/en/customers.json";
import zhCustomers from "@/messages/zh-CN/customers.json";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { IMPORT_FIELDS } from "@/lib/customers/import-fields";

/** A column's field: an import field, `cf:<id>` for a custom field, or "" to ignore it. */
export type Mapping = Record<string, string>;

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-.()（）:：]/g, "");

/**
 * Matches each header to a field by its API name or its header in either language (an exported
 * file imports back as it is), and custom fields by name or `<id>_<name>` key.
 */
export function autoMap(headers: string[], customFields: CustomFieldDefinition[]): Mapping {
  const names = new Map<string, string>();
  for (const f of IMPORT_FIELDS) {
    names.set(norm(f), f);
    for (const cols of [enCustomers.csvColumns, zhCustomers.csvColumns] as Record<string, string>[]) {
      if (cols[f]) names.set(norm(cols[f]), f);
    }
  }
  names.set("phone", "phones");
  names.set("mobile", "phones");
  names.set("手机", "phones");
  names.set("手机号", "phones");
  names.set("owner", "ownerLoginNo");
  for (const cf of customFields) {
    names.set(norm(cf.name), `cf:${cf.id}`);
    names.set(norm(cf.key), `cf:${cf.id}`);
  }
  const used = new Set<string>();
  const out: Mapping = {};
  for (const h of headers) {
    const field = names.get(norm(h));
    out[h] = field && !used.has(field) ? field : "";
    if (field) used.add(field);
  }
  return out;
}

/** The parsed rows as the import API takes them: the file's line numbers (header = line 1) and mapped values. */
export function mappedRows(data: Record<string, string>[], mapping: Mapping) {
  return data.map((record, i) => {
    const values: Record<string, string> = {};
    for (const [header, field] of Object.entries(mapping)) if (field) values[field] = String(record[header] ?? "");
    return { line: i + 2, values };
  });
}
