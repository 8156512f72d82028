import { db, type DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/generated/sqlite/client";
import type { AttributeType } from "./schemas";

export const eventTypeSelect = {
  id: true,
  eventKey: true,
  name: true,
  isInteract: true,
  rating: true,
  stageId: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  stage: { select: { id: true, name: true } },
  category: { select: { id: true, code: true, name: true, sort: true } },
  attributes: {
    select: { attrKey: true, attrName: true, type: true, showInFlow: true },
    orderBy: [{ sort: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.EventTypeSelect;

export type EventTypeRow = NonNullable<Awaited<ReturnType<typeof findEventTypeById>>>;

export interface AttributeRowInput {
  attrKey: string;
  attrName: string;
  type: AttributeType;
  showInFlow: boolean;
}

export function findEventTypes(tenantId: number, opts: { includeArchived?: boolean } = {}, tx: DbOrTx = db) {
  return tx.eventType.findMany({
    where: { tenantId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: eventTypeSelect,
    orderBy: { id: "asc" },
  });
}

export function findEventTypeById(tenantId: number, id: number, tx: DbOrTx = db) {
  return tx.eventType.findFirst({ where: { tenantId, id }, select: eventTypeSelect });
}

export function findEventTypeByKey(tenantId: number, eventKey: string, tx: DbOrTx = db) {
  return tx.eventType.findUnique({ where: { tenantId_eventKey: { tenantId, eventKey } }, select: eventTypeSelect });
}

export function insertEventType(
  tenantId: number,
  data: {
    eventKey: string;
    name: string;
    isInteract: boolean;
    rating: number | null;
    stageId: number;
    categoryId: number | null;
    attributes: AttributeRowInput[];
  },
  tx: DbOrTx = db,
) {
  const { attributes, ...fields } = data;
  return tx.eventType.create({
    data: { tenantId, ...fields, attributes: { create: attributes.map((a, sort) => ({ ...a, sort })) } },
    select: eventTypeSelect,
  });
}

export function updateEventTypeRow(
  id: number,
  data: {
    name?: string;
    isInteract?: boolean;
    rating?: number | null;
    stageId?: number;
    categoryId?: number | null;
    archivedAt?: Date | null;
  },
  tx: DbOrTx = db,
) {
  return tx.eventType.update({ where: { id }, data, select: eventTypeSelect });
}

/** Replaces the type's attributes with `attributes`, in that order. */
export async function replaceAttributes(eventTypeId: number, attributes: AttributeRowInput[], tx: DbOrTx = db) {
  await tx.eventAttribute.deleteMany({ where: { eventTypeId } });
  if (attributes.length) {
    await tx.eventAttribute.createMany({ data: attributes.map((a, sort) => ({ ...a, sort, eventTypeId })) });
  }
}

/** Whether any recorded event of the type carries a value for `attrKey`. */
export async function hasRecordedValues(eventTypeId: number, attrKey: string, tx: DbOrTx = db): Promise<boolean> {
  const hit = await tx.customerEventAttribute.findFirst({
    where: { attrKey, event: { eventTypeId } },
    select: { id: true },
  });
  return !!hit;
}
