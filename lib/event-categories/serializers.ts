import type { EventCategory } from "./schemas";

export function serializeEventCategory(row: {
  id: number;
  code: string;
  name: string;
  sort: number;
  _count: { eventTypes: number };
}): EventCategory {
  return { id: row.id, code: row.code, name: row.name, sort: row.sort, eventTypeCount: row._count.eventTypes };
}
