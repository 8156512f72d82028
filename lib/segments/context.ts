import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import type { Rule } from "./schemas";

/** What compiling a rule needs to know about the tenant: its zone and the types of what it names. */
export interface RuleContext {
  tenantId: number;
  timeZone: string;
  /** custom field id → its type (text | number | date | select) and select options */
  customFields: Map<number, { type: string; options: string[] }>;
  /** event key → event type id and its attributes' types (text | value | Date | DateTime) */
  eventTypes: Map<string, { id: number; attrs: Map<string, string> }>;
}

/** Visits every node of a rule tree with its path in the rule (`all.2.where.0`). */
export function walk(rule: Rule, visit: (node: Rule, path: string) => void, path = ""): void {
  visit(rule, path);
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if ("all" in rule) rule.all.forEach((r, i) => walk(r, visit, at(`all.${i}`)));
  else if ("any" in rule) rule.any.forEach((r, i) => walk(r, visit, at(`any.${i}`)));
  else if ("not" in rule) walk(rule.not, visit, at("not"));
}

export const customFieldId = (field: string): number | null => (field.startsWith("custom:") ? Number(field.slice(7)) : null);

/**
 * Loads only what the rule refers to (a few small indexed reads). Archived event types are included:
 * their recorded events still count.
 */
export async function loadContext(tenantId: number, rule: Rule, tx: DbOrTx = db): Promise<RuleContext> {
  const fieldIds = new Set<number>();
  const eventKeys = new Set<string>();
  walk(rule, (node) => {
    if ("field" in node) {
      const id = customFieldId(node.field);
      if (id !== null) fieldIds.add(id);
    } else if ("event" in node) eventKeys.add(node.event);
  });
  const [tenant, fields, types] = await Promise.all([
    tx.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } }),
    fieldIds.size
      ? tx.customFieldDefinition.findMany({ where: { tenantId, id: { in: [...fieldIds] } }, select: { id: true, type: true, options: true } })
      : [],
    eventKeys.size
      ? tx.eventType.findMany({
          where: { tenantId, eventKey: { in: [...eventKeys] } },
          select: { id: true, eventKey: true, attributes: { select: { attrKey: true, type: true } } },
        })
      : [],
  ]);
  if (!tenant) throw fail("tenant_not_found", `tenant ${tenantId} not found`);
  return {
    tenantId,
    timeZone: tenant.timeZone,
    customFields: new Map(
      fields.map((f) => [f.id, { type: f.type, options: Array.isArray(f.options) ? f.options.map(String) : [] }]),
    ),
    eventTypes: new Map(types.map((t) => [t.eventKey, { id: t.id, attrs: new Map(t.attributes.map((a) => [a.attrKey, a.type])) }])),
  };
}
