import { z } from "zod";
import { fail } from "@/lib/errors";

export const SCOPES = [
  "customers:read",
  "customers:write",
  "groups:read",
  "groups:write",
  "scenarios:trigger",
] as const;

export type Scope = (typeof SCOPES)[number];

export const scopeSchema = z.enum(SCOPES);

export const SCOPE_LABELS: Record<Scope, string> = {
  "customers:read": "Customers — read (customers, event types, events, feeds)",
  "customers:write": "Customers — write (customers, event types, events, feeds)",
  "groups:read": "Groups — read",
  "groups:write": "Groups — write",
  "scenarios:trigger": "Scenarios — trigger custom events",
};

/** "all" or a comma list, as the CLI and the console accept them. */
export function parseScopes(input: string | readonly string[]): Scope[] {
  const parts = (typeof input === "string" ? input.split(",") : [...input]).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 1 && parts[0] === "all") return [...SCOPES];
  if (parts.length === 0) throw fail("required", "choose at least one scope", { path: "scopes", params: { param: "scopes" } });
  const unknown = parts.filter((p) => !(SCOPES as readonly string[]).includes(p));
  if (unknown.length) {
    const message = `unknown scope ${unknown.map((u) => `"${u}"`).join(", ")}; use "all" or ${SCOPES.join(", ")}`;
    throw fail("invalid_input", message, { details: [{ path: "scopes", message }], params: { unknown: unknown.join(", ") } });
  }
  return [...new Set(parts)] as Scope[];
}

export function serializeScopes(scopes: readonly Scope[]): string {
  return [...new Set(scopes)].sort().join(",");
}

export function deserializeScopes(stored: string): Scope[] {
  return stored.split(",").filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}
