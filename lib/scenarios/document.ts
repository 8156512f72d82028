import { z } from "zod";

/**
 * The scenario document of AUTOMATION.md ("as code"): one zod schema for the console's editor, the
 * CLI's import and the stored versions. Steps carry stable string ids: kept when given, assigned
 * when missing (`<type>-<n>`), so runs, logs and waiting counts can name them across edits.
 */

export const STEP_ID = /^[A-Za-z0-9_-]{1,40}$/;
const stepId = z.string().regex(STEP_ID, "must be 1–40 letters, digits, _ or -").optional().describe("Stable step id; assigned when missing");
const int = (what: string) => z.number().int(`${what} must be an integer`);

export const REENTRY = ["once", "oneAtATime", "everyTime"] as const;
export type Reentry = (typeof REENTRY)[number];

export const conditionSchema = z.object({
  attr: z.string().min(1).describe("An attribute key of the event type (showInFlow attributes only)"),
  op: z.string().min(1).describe("An operator of the attribute's type, as in segment rules"),
  value: z.unknown().optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

export const triggerSchema = z.union([
  z.strictObject({ customEvent: int("customEvent").positive().describe("The custom event's id (customEventId)") }),
  z.strictObject({
    eventType: z.string().min(1).describe("The eventKey of a customer event type"),
    where: z.array(conditionSchema).max(20).optional().describe("Conditions on the event's attributes, ANDed"),
  }),
]);
export type Trigger = z.infer<typeof triggerSchema>;

export type Step =
  | { id?: string; type: "wait"; minutes?: number; hours?: number; days?: number; until?: "scheduledTime" }
  | { id?: string; type: "branch"; if: unknown; then: Step[]; else?: Step[] }
  | { id?: string; type: "addToGroup" | "removeFromGroup"; groupId: number }
  | { id?: string; type: "setField"; field: string; value: string | number | null }
  | { id?: string; type: "setStage"; stageId: number }
  | { id?: string; type: "recordEvent"; eventKey: string; attrs?: Record<string, string | number> }
  | { id?: string; type: "webhook"; url: string; timeoutMs?: number; maxAttempts?: number }
  | { id?: string; type: "exit" };

const duration = (unit: string) => int(unit).min(0).max(3650 * 24 * 60).optional();

const waitStep = z
  .strictObject({ id: stepId, type: z.literal("wait"), minutes: duration("minutes"), hours: duration("hours"), days: duration("days"), until: z.literal("scheduledTime").optional() })
  .refine((s) => [s.minutes, s.hours, s.days, s.until].filter((v) => v !== undefined).length === 1, "give exactly one of minutes, hours, days, until");

export const stepSchema: z.ZodType<Step> = z.lazy(() =>
  z.union([
    waitStep,
    z.strictObject({ id: stepId, type: z.literal("branch"), if: z.unknown(), then: z.array(stepSchema), else: z.array(stepSchema).optional() }),
    z.strictObject({ id: stepId, type: z.enum(["addToGroup", "removeFromGroup"]), groupId: int("groupId").positive() }),
    z.strictObject({ id: stepId, type: z.literal("setField"), field: z.string().min(1), value: z.union([z.string().max(255), z.number(), z.null()]) }),
    z.strictObject({ id: stepId, type: z.literal("setStage"), stageId: int("stageId").positive() }),
    z.strictObject({
      id: stepId,
      type: z.literal("recordEvent"),
      eventKey: z.string().min(1).max(64),
      attrs: z.record(z.string(), z.union([z.string().max(1000), z.number()])).optional(),
    }),
    z.strictObject({
      id: stepId,
      type: z.literal("webhook"),
      url: z.string().url().max(2000),
      timeoutMs: int("timeoutMs").min(100).max(30_000).optional(),
      maxAttempts: int("maxAttempts").min(1).max(20).optional(),
    }),
    z.strictObject({ id: stepId, type: z.literal("exit") }),
  ]),
) as z.ZodType<Step>;

export const scenarioDocumentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  status: z.enum(["draft", "active", "paused"]).default("draft"),
  trigger: triggerSchema,
  reentry: z.enum(REENTRY).default("once"),
  steps: z.array(stepSchema).min(1, "a scenario needs at least one step").max(200),
});
export type ScenarioDocumentInput = z.input<typeof scenarioDocumentSchema>;
export type ScenarioDocument = z.output<typeof scenarioDocumentSchema> & { id?: number };

export const WEBHOOK_DEFAULTS = { timeoutMs: 5000, maxAttempts: 5 };

/** Every step with its path in the document ("steps.2.then.0"), depth first. */
export function walkSteps(steps: Step[], fn: (s: Step, path: string) => void, prefix = "steps"): void {
  steps.forEach((s, i) => {
    const path = `${prefix}.${i}`;
    fn(s, path);
    if (s.type === "branch") {
      walkSteps(s.then, fn, `${path}.then`);
      walkSteps(s.else ?? [], fn, `${path}.else`);
    }
  });
}

/** Keeps given step ids, assigns `<type>-<n>` to the others; duplicates are reported by validation. */
export function assignStepIds(steps: Step[]): Step[] {
  const taken = new Set<string>();
  walkSteps(steps, (s) => s.id && taken.add(s.id));
  const counters = new Map<string, number>();
  const assign = (list: Step[]): Step[] =>
    list.map((s) => {
      let id = s.id;
      if (!id) {
        let n = counters.get(s.type) ?? 0;
        do id = `${s.type}-${++n}`;
        while (taken.has(id));
        counters.set(s.type, n);
        taken.add(id);
      }
      const out = { ...s, id } as Step;
      if (out.type === "branch") {
        out.then = assign(out.then);
        out.else = assign(out.else ?? []);
      }
      return out;
    });
  return assign(steps);
}

/** Navigation over a version's steps: a step by id, the first step, what follows a step. */
export class Flow {
  private byId = new Map<string, { step: Step; next: string | null }>();
  readonly first: string | null;

  constructor(steps: Step[]) {
    this.first = this.index(steps, null);
  }

  /** Indexes a list whose end continues at `after`; returns the list's first id (or `after`). */
  private index(list: Step[], after: string | null): string | null {
    let next = after;
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i];
      this.byId.set(s.id!, { step: s, next });
      if (s.type === "branch") {
        this.index(s.then, next);
        this.index(s.else ?? [], next);
      }
      next = s.id!;
    }
    return next;
  }

  step(id: string): Step | undefined {
    return this.byId.get(id)?.step;
  }

  /** The step after `id` in its lane; at a lane's end, the step after its branch; null at the end. */
  next(id: string): string | null {
    return this.byId.get(id)?.next ?? null;
  }

  /** The first step of a branch's lane, or what follows the branch when the lane is empty. */
  lane(branch: Step & { type: "branch" }, which: "then" | "else"): string | null {
    const list = which === "then" ? branch.then : (branch.else ?? []);
    return list[0]?.id ?? this.next(branch.id!);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}

/** A stored document (JSON text on SQLite, an object on PostgreSQL). */
export function storedDocument(raw: unknown): ScenarioDocument {
  return (typeof raw === "string" ? JSON.parse(raw) : raw) as ScenarioDocument;
}
