import type { Stage } from "./schemas";

export function serializeStage(row: { id: number; name: string; sort: number }): Stage {
  return { id: row.id, name: row.name, sort: row.sort };
}
