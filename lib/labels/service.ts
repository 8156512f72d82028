import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { findLabelByName, findLabels, findLabelsByNames, insertLabel, upsertLabel } from "./repository";
import { createLabelSchema, LABEL_NAME_MAX, type CreateLabelInput, type Label } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findLabelByName>>>;

const serialize = (row: Row): Label => ({ id: row.id, name: row.name, customerCount: row._count.customers });

export async function listLabels(tenantId: number, tx: DbOrTx = db): Promise<Label[]> {
  return (await findLabels(tenantId, tx)).map(serialize);
}

export async function createLabel(tenantId: number, input: CreateLabelInput, actor: Actor): Promise<Label> {
  const data = createLabelSchema.parse(input);
  return db.$transaction(async (tx) => {
    if (await findLabelByName(tenantId, data.name, tx)) throw fail("duplicate", `a label named "${data.name}" already exists`, { path: "name", params: { name: data.name } });
    const row = await insertLabel(tenantId, data.name, tx);
    await writeAudit(tx, tenantId, actor, { action: "label.create", entity: "Label", entityId: row.id, details: data });
    return serialize(row);
  });
}

/**
 * The labels of these names, in the given order, creating those the tenant does not have yet
 * (labels come into being on first use). Returns the ids and which names were new.
 */
export async function ensureLabels(
  tenantId: number,
  names: string[],
  tx: DbOrTx,
): Promise<{ labels: { id: number; name: string }[]; created: string[] }> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  for (const name of wanted) {
    if (name.length > LABEL_NAME_MAX) {
      throw fail("label_invalid", `label "${name.slice(0, 20)}…" is longer than ${LABEL_NAME_MAX} characters`, {
        path: "customerLabel",
        params: { name, max: LABEL_NAME_MAX },
      });
    }
  }
  const existing = new Map((await findLabelsByNames(tenantId, wanted, tx)).map((l) => [l.name, l]));
  const created: string[] = [];
  for (const name of wanted) {
    if (!existing.has(name)) {
      existing.set(name, await upsertLabel(tenantId, name, tx));
      created.push(name);
    }
  }
  return { labels: wanted.map((n) => existing.get(n)!), created };
}
