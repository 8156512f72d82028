import type { DbOrTx } from "@/lib/db/client";
import { fail, isDomainError, type ErrorDetail } from "@/lib/errors";
import { validateRule } from "@/lib/segments/validate";
import { conditionProblem, type AttrType } from "./conditions";
import { assignStepIds, scenarioDocumentSchema, walkSteps, type ScenarioDocument, type Step } from "./document";
import { webhookUrlProblem } from "./webhook";

/**
 * Checks a scenario document against the tenant's data before it is saved: every reference exists
 * (custom event, event type and its showInFlow attributes, groups, stages, event keys), branch rules
 * pass the segments validator, webhook URLs are allowed, step ids are unique, no branch is empty.
 * Errors name the path in the document (`steps.1.then.0.groupId`).
 */

/** Customer fields a setField step may write (the customer service's change set; stages use setStage). */
export const SETTABLE_FIELDS = {
  custname: "text",
  address: "text",
  companyName: "text",
  companyId: "text",
  score: "number",
  custType: "option",
  dealFlag: "option",
  custFrom: "option",
} as const;

export interface ValidatedDocument {
  document: ScenarioDocument;
  /** the trigger resolved to rows */
  customEventId: number | null;
  eventTypeId: number | null;
}

export function parseDocument(input: unknown): ScenarioDocument {
  const parsed = scenarioDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const details: ErrorDetail[] = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw fail("scenario_invalid", "the scenario document is not valid", { details });
  }
  return { ...parsed.data, steps: assignStepIds(parsed.data.steps) };
}

export async function validateDocument(tenantId: number, input: unknown, tx: DbOrTx): Promise<ValidatedDocument> {
  const doc = parseDocument(input);
  const details: ErrorDetail[] = [];
  const problem = (path: string, message: string) => details.push({ path, message });

  let customEventId: number | null = null;
  let eventTypeId: number | null = null;
  if ("customEvent" in doc.trigger) {
    const ce = await tx.customEvent.findFirst({ where: { tenantId, number: doc.trigger.customEvent }, select: { id: true, archivedAt: true } });
    if (!ce) problem("trigger.customEvent", `no custom event ${doc.trigger.customEvent}`);
    else if (ce.archivedAt) problem("trigger.customEvent", `custom event ${doc.trigger.customEvent} is archived`);
    else customEventId = ce.id;
  } else {
    const trigger = doc.trigger;
    const type = await tx.eventType.findFirst({
      where: { tenantId, eventKey: trigger.eventType },
      select: { id: true, archivedAt: true, attributes: { select: { attrKey: true, type: true, showInFlow: true } } },
    });
    if (!type) problem("trigger.eventType", `no event type "${trigger.eventType}"`);
    else if (type.archivedAt) problem("trigger.eventType", `event type "${trigger.eventType}" is archived`);
    else {
      eventTypeId = type.id;
      (trigger.where ?? []).forEach((c, i) => {
        const attr = type.attributes.find((a) => a.attrKey === c.attr);
        if (!attr) return problem(`trigger.where.${i}.attr`, `event type "${trigger.eventType}" has no attribute "${c.attr}"`);
        if (!attr.showInFlow) return problem(`trigger.where.${i}.attr`, `attribute "${c.attr}" is not offered in flows (showInFlow is off)`);
        const p = conditionProblem(attr.type as AttrType, c);
        if (p) problem(`trigger.where.${i}`, p);
      });
    }
  }

  const seen = new Set<string>();
  const groups = new Map<number, string[]>();
  const stages = new Map<number, string[]>();
  const eventKeys = new Map<string, { path: string; attrs: string[] }[]>();
  const rules: { path: string; rule: unknown }[] = [];
  walkSteps(doc.steps, (s: Step, path) => {
    if (seen.has(s.id!)) problem(`${path}.id`, `step id "${s.id}" is used twice`);
    seen.add(s.id!);
    switch (s.type) {
      case "branch":
        if (!s.then.length) problem(`${path}.then`, "a branch needs at least one step in then");
        rules.push({ path: `${path}.if`, rule: s.if });
        break;
      case "addToGroup":
      case "removeFromGroup":
        groups.set(s.groupId, [...(groups.get(s.groupId) ?? []), `${path}.groupId`]);
        break;
      case "setStage":
        stages.set(s.stageId, [...(stages.get(s.stageId) ?? []), `${path}.stageId`]);
        break;
      case "setField": {
        const kind = SETTABLE_FIELDS[s.field as keyof typeof SETTABLE_FIELDS];
        if (!kind) problem(`${path}.field`, `field "${s.field}" cannot be set by a scenario (use one of ${Object.keys(SETTABLE_FIELDS).join(", ")})`);
        else if (kind === "number" && (typeof s.value !== "number" || !Number.isInteger(s.value))) problem(`${path}.value`, "must be an integer");
        else if (kind !== "number" && typeof s.value === "number") problem(`${path}.value`, "must be a text");
        else if (s.field === "custname" && !s.value) problem(`${path}.value`, "a customer's name cannot be emptied");
        break;
      }
      case "recordEvent":
        eventKeys.set(s.eventKey, [...(eventKeys.get(s.eventKey) ?? []), { path, attrs: Object.keys(s.attrs ?? {}) }]);
        break;
      case "webhook": {
        const p = webhookUrlProblem(s.url);
        if (p) problem(`${path}.url`, `webhook URL ${p}`);
        break;
      }
    }
  });

  if (groups.size) {
    const found = new Set((await tx.group.findMany({ where: { tenantId, id: { in: [...groups.keys()] } }, select: { id: true } })).map((g) => g.id));
    for (const [id, paths] of groups) if (!found.has(id)) for (const p of paths) problem(p, `no group ${id}`);
  }
  if (stages.size) {
    const found = new Set((await tx.lifecycleStage.findMany({ where: { tenantId, id: { in: [...stages.keys()] } }, select: { id: true } })).map((g) => g.id));
    for (const [id, paths] of stages) if (!found.has(id)) for (const p of paths) problem(p, `no stage ${id}`);
  }
  if (eventKeys.size) {
    const types = await tx.eventType.findMany({
      where: { tenantId, eventKey: { in: [...eventKeys.keys()] }, archivedAt: null },
      select: { eventKey: true, attributes: { select: { attrKey: true } } },
    });
    for (const [key, uses] of eventKeys) {
      const type = types.find((t) => t.eventKey === key);
      for (const use of uses) {
        if (!type) problem(`${use.path}.eventKey`, `no event type "${key}"`);
        else for (const a of use.attrs) if (!type.attributes.some((x) => x.attrKey === a)) problem(`${use.path}.attrs.${a}`, `event type "${key}" has no attribute "${a}"`);
      }
    }
  }
  for (const r of rules) {
    try {
      await validateRule(tenantId, r.rule, tx);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      if (err.details.length) for (const d of err.details) problem(d.path ? `${r.path}.${d.path}` : r.path, d.message);
      else problem(r.path, err.message);
    }
  }

  if (details.length) throw fail("scenario_invalid", "the scenario refers to things that do not exist or are not allowed", { details });
  return { document: doc, customEventId, eventTypeId };
}
