import type { Step } from "@/lib/scenarios/document";

/** The step types the editor offers, in its "add step" menu's order. */
export const STEP_TYPES = ["wait", "branch", "addToGroup", "removeFromGroup", "setField", "setStage", "recordEvent", "webhook", "exit"] as const;
export type StepType = (typeof STEP_TYPES)[number];

/**
 * Customer fields a setField step may write: the keys of SETTABLE_FIELDS in lib/scenarios/validate.ts
 * (that module reads the database, so the browser keeps this copy; the server checks the field again).
 */
export const SETTABLE_FIELDS = { custname: "text", address: "text", companyName: "text", companyId: "text", score: "number", custType: "option", dealFlag: "option", custFrom: "option" } as const;

/** Server errors by document path ("steps.1.then.0.groupId" → message). */
export type Problems = Record<string, string>;

/** Problems that belong to the step at `path` itself (not to the steps of its lanes). */
export function problemsAt(problems: Problems, path: string): string[] {
  return Object.entries(problems)
    .filter(([p]) => p === path || (p.startsWith(`${path}.`) && !/^(then|else)(\.|$)/.test(p.slice(path.length + 1))))
    .map(([p, m]) => (p === path ? m : `${p.slice(path.length + 1)}: ${m}`));
}

function allIds(steps: Step[], out = new Set<string>()): Set<string> {
  for (const s of steps) {
    if (s.id) out.add(s.id);
    if (s.type === "branch") {
      allIds(s.then, out);
      allIds(s.else ?? [], out);
    }
  }
  return out;
}

/** A new step of `type` with the next free `<type>-<n>` id (the server's own scheme) and sensible defaults. */
export function newStep(type: StepType, document: Step[]): Step {
  const taken = allIds(document);
  let n = 1;
  while (taken.has(`${type}-${n}`)) n++;
  const id = `${type}-${n}`;
  switch (type) {
    case "wait":
      return { id, type, hours: 1 };
    case "branch":
      return { id, type, if: { all: [] }, then: [], else: [] };
    case "addToGroup":
    case "removeFromGroup":
      return { id, type, groupId: undefined as unknown as number };
    case "setField":
      return { id, type, field: "custType", value: "" };
    case "setStage":
      return { id, type, stageId: undefined as unknown as number };
    case "recordEvent":
      return { id, type, eventKey: "", attrs: {} };
    case "webhook":
      return { id, type, url: "", timeoutMs: 5000, maxAttempts: 5 };
    case "exit":
      return { id, type };
  }
}
