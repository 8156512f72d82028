import type { Prisma } from "@/generated/sqlite/client";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail, type ErrorDetail } from "@/lib/errors";
import { createCustomEventSchema, dataValueProblem, type CreateCustomEventInput, type DataField, type FieldDefinition } from "./schemas";

/** Custom events: definitions per tenant (number, name, description, data fields), archive, and the data check of a trigger. */

export interface CustomEventView {
  /** the customEventId integrators send */
  id: number;
  name: string;
  description: string | null;
  fields: FieldDefinition[];
  archived: boolean;
  createdAt: Date;
}

const select = { id: true, number: true, name: true, description: true, fields: true, archivedAt: true, createdAt: true } as const;
type Row = Prisma.CustomEventGetPayload<{ select: typeof select }>;
const fieldsOf = (raw: unknown): FieldDefinition[] => (typeof raw === "string" ? JSON.parse(raw) : ((raw ?? []) as FieldDefinition[]));
export const toView = (r: Row): CustomEventView => ({
  id: r.number,
  name: r.name,
  description: r.description,
  fields: fieldsOf(r.fields),
  archived: r.archivedAt !== null,
  createdAt: r.createdAt,
});

export async function listCustomEvents(tenantId: number, opts: { includeArchived?: boolean } = {}): Promise<CustomEventView[]> {
  const rows = await db.customEvent.findMany({ where: { tenantId, ...(opts.includeArchived ? {} : { archivedAt: null }) }, select, orderBy: { number: "asc" } });
  return rows.map(toView);
}

/** Creates a definition; the number is the chosen one or the next free one. */
export async function createCustomEvent(tenantId: number, input: CreateCustomEventInput): Promise<CustomEventView> {
  const data = createCustomEventSchema.parse(input);
  return db.$transaction(async (tx) => {
    const taken = await tx.customEvent.findFirst({ where: { tenantId, OR: [{ name: data.name }, ...(data.id ? [{ number: data.id }] : [])] }, select: { number: true, name: true } });
    if (taken?.name === data.name) throw fail("name_taken", `a custom event is already named "${data.name}"`, { path: "name" });
    if (taken) throw fail("custom_event_taken", `custom event ${data.id} exists`, { path: "id", params: { id: data.id! } });
    const number = data.id ?? ((await tx.customEvent.aggregate({ where: { tenantId }, _max: { number: true } }))._max.number ?? 100) + 1;
    const row = await tx.customEvent.create({
      data: { tenantId, number, name: data.name, description: data.description ?? null, fields: data.fields as unknown as Prisma.InputJsonValue },
      select,
    });
    return toView(row);
  });
}

/** The definition of a live (not archived) custom event, by its number; 404 otherwise. */
export async function findLiveCustomEvent(tenantId: number, number: number, tx: DbOrTx = db) {
  const row = await tx.customEvent.findFirst({ where: { tenantId, number }, select: { ...select, id: true } });
  if (!row || row.archivedAt) throw fail("custom_event_not_found", `custom event ${number} not found`, { params: { id: number } });
  return { rowId: row.id, view: toView(row) };
}

export async function archiveCustomEvent(tenantId: number, number: number): Promise<CustomEventView> {
  const row = await db.customEvent.findFirst({ where: { tenantId, number }, select: { id: true } });
  if (!row) throw fail("custom_event_not_found", `custom event ${number} not found`, { params: { id: number } });
  return toView(await db.customEvent.update({ where: { id: row.id }, data: { archivedAt: new Date() }, select }));
}

/**
 * Checks a trigger's data fields: each value must parse as its declared type and, for a name the
 * definition knows, as the definition's type. Unknown names are kept. Throws a 400 naming each bad one.
 */
export function checkDataFields(def: FieldDefinition[], fields: DataField[], path = "dataFields"): DataField[] {
  const details: ErrorDetail[] = [];
  fields.forEach((f, i) => {
    const known = def.find((d) => d.name === f.name);
    const problem = dataValueProblem(f.type, f.value) ?? (known && known.type !== f.type ? dataValueProblem(known.type, f.value) : null);
    if (problem) details.push({ path: `${path}.${i}.value`, reason: "data_field_invalid", message: `${f.name}: ${problem}`, params: { name: f.name } });
  });
  if (details.length) throw fail("data_field_invalid", details.map((d) => d.message).join("; "), { details });
  return fields;
}
