import type { Scope } from "@/lib/access/scopes";

/** A scope's key in messages/<locale>/apiKeys.json (`scopeNames.<key>`): "customers:read" → "customers_read". */
export function scopeKey(scope: Scope) {
  return scope.replace(":", "_") as "customers_read" | "customers_write" | "groups_read" | "groups_write" | "scenarios_trigger";
}

/** Scopes whose API is not built yet: a key may hold them ahead of it (none now: scenarios:trigger has its dialect). */
export const COMING_SCOPES: ReadonlySet<Scope> = new Set<Scope>();
