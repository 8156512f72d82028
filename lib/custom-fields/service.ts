import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import {
  countValues,
  deleteDefinitionRow,
  findDefinition,
  findDefinitionByName,
  findDefinitions,
  insertDefinition,
  maxSort,
  updateDefinitionRow,
} from "./repository";
import {
  createCustomFieldSchema,
  fieldKey,
  updateCustomFieldSchema,
  type CreateCustomFieldInput,
  type CustomFieldDefinition,
  type CustomFieldType,
  type UpdateCustomFieldInput,
} from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findDefinition>>>;

export function serializeDefinition(row: Row): CustomFieldDefinition {
  const options =
    row.type === "select" && Array.isArray(row.options) ? row.options.filter((o): o is string => typeof o === "string") : null;
  return {
    id: row.id,
    key: fieldKey(row),
    name: row.name,
    type: row.type as CustomFieldType,
    required: row.required,
    options,
    sort: row.sort,
  };
}

export async function listCustomFields(tenantId: number, tx: DbOrTx = db): Promise<CustomFieldDefinition[]> {
  return (await findDefinitions(tenantId, tx)).map(serializeDefinition);
}

export async function getCustomField(tenantId: number, id: number): Promise<CustomFieldDefinition> {
  const row = await findDefinition(tenantId, id);
  if (!row) throw fail("custom_field_not_found", `custom field ${id} not found`, { params: { id } });
  return serializeDefinition(row);
}

async function assertNameFree(tenantId: number, name: string, tx: DbOrTx, exceptId?: number) {
  const other = await findDefinitionByName(tenantId, name, tx);
  if (other && other.id !== exceptId) throw fail("name_taken", `a custom field named "${name}" already exists`, { path: "name", params: { name } });
}

export async function createCustomField(tenantId: number, input: CreateCustomFieldInput, actor: Actor): Promise<CustomFieldDefinition> {
  const data = createCustomFieldSchema.parse(input);
  return db.$transaction(async (tx) => {
    await assertNameFree(tenantId, data.name, tx);
    const sort = data.sort ?? ((await maxSort(tenantId, tx))._max.sort ?? -1) + 1;
    const row = await insertDefinition(
      tenantId,
      { name: data.name, type: data.type, required: data.required, options: data.type === "select" ? data.options ?? [] : undefined, sort },
      tx,
    );
    await writeAudit(tx, tenantId, actor, { action: "custom_field.create", entity: "CustomFieldDefinition", entityId: row.id, details: { ...data, sort } });
    return serializeDefinition(row);
  });
}

/**
 * Renames, re-sorts, toggles `required` or edits options. The type may change only while no
 * customer has a value for the field (values are not converted). Renaming changes the field's
 * `jsonStr` key (`<id>_<name>`).
 */
export async function updateCustomField(tenantId: number, id: number, input: UpdateCustomFieldInput, actor: Actor): Promise<CustomFieldDefinition> {
  const data = updateCustomFieldSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findDefinition(tenantId, id, tx);
    if (!before) throw fail("custom_field_not_found", `custom field ${id} not found`, { params: { id } });
    if (data.name !== undefined) await assertNameFree(tenantId, data.name, tx, id);
    const type = data.type ?? before.type;
    if (data.type !== undefined && data.type !== before.type && (await countValues(id, tx)) > 0) {
      throw fail("immutable", `custom field "${before.name}" has values; its type cannot change`, { path: "type", params: { name: before.name } });
    }
    const options = data.options !== undefined ? data.options : serializeDefinition(before).options;
    if (type === "select" && !(options && options.length)) throw fail("required", "a select field needs at least one option", { path: "options", params: { param: "options" } });
    const row = await updateDefinitionRow(
      id,
      {
        name: data.name,
        type: data.type,
        required: data.required,
        sort: data.sort,
        options: type === "select" ? options ?? [] : undefined,
      },
      tx,
    );
    await writeAudit(tx, tenantId, actor, {
      action: "custom_field.update",
      entity: "CustomFieldDefinition",
      entityId: id,
      details: { before: serializeDefinition(before), after: serializeDefinition(row) },
    });
    return serializeDefinition(row);
  });
}

/** Deletes the definition and every customer's value of it. */
export async function deleteCustomField(tenantId: number, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findDefinition(tenantId, id, tx);
    if (!row) throw fail("custom_field_not_found", `custom field ${id} not found`, { params: { id } });
    const values = await countValues(id, tx);
    await deleteDefinitionRow(id, tx);
    await writeAudit(tx, tenantId, actor, {
      action: "custom_field.delete",
      entity: "CustomFieldDefinition",
      entityId: id,
      details: { name: row.name, valuesDeleted: values },
    });
  });
}
