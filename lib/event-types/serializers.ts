import type { EventTypeRow } from "./repository";
import { canonicalAttributeType, type EventAttribute, type EventType, type EventTypeFormValues } from "./schemas";

function attribute(a: EventTypeRow["attributes"][number]): EventAttribute {
  // Rows written by the service are canonical already; this also tidies rows written elsewhere.
  const type = canonicalAttributeType(a.type) ?? "text";
  return { attrKey: a.attrKey, attrName: a.attrName, type, showInFlow: a.showInFlow };
}

export function serializeEventType(row: EventTypeRow): EventType {
  return {
    id: row.id,
    eventKey: row.eventKey,
    name: row.name,
    isInteract: row.isInteract,
    rating: row.rating,
    stageId: row.stageId,
    stage: row.stage ? { id: row.stage.id, name: row.stage.name } : null,
    categoryCode: row.category?.code ?? null,
    category: row.category ? { id: row.category.id, code: row.category.code, name: row.category.name } : null,
    attributes: row.attributes.map(attribute),
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The console form's values: empty for a new type, or those of `eventType` to edit it. */
export function eventTypeFormDefaults(eventType?: EventType): EventTypeFormValues {
  if (!eventType) {
    return { eventKey: "", name: "", isInteract: false, rating: null, stageId: 0, categoryCode: null, attributes: [] };
  }
  return {
    eventKey: eventType.eventKey,
    name: eventType.name,
    isInteract: eventType.isInteract,
    rating: eventType.rating,
    stageId: eventType.stageId ?? 0,
    categoryCode: eventType.categoryCode,
    attributes: eventType.attributes.map((a) => ({ ...a })),
  };
}
