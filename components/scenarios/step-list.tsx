"use client";

import { ArrowDown, ArrowUp, Plus, Trash2, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { Step } from "@/lib/scenarios/document";
import { newStep, problemsAt, STEP_TYPES, type Problems } from "./flow-types";
import { BranchRuleForm, GroupForm, RecordEventForm, SetFieldForm, SetStageForm, WaitForm, WebhookForm } from "./step-forms";

export interface StepListProps {
  steps: Step[];
  onChange: (steps: Step[]) => void;
  /** this list's path in the document: "steps", "steps.2.then" */
  path: string;
  /** every step of the document, to pick fresh ids */
  all: Step[];
  problems: Problems;
  /** customers at each step now (by step id) */
  waiting: Map<string, number>;
  readOnly: boolean;
}

function StepForm({ step, onChange, readOnly, uid }: { step: Step; onChange: (s: Step) => void; readOnly: boolean; uid: string }) {
  const p = { onChange, readOnly, uid };
  switch (step.type) {
    case "wait":
      return <WaitForm step={step} {...p} />;
    case "branch":
      return <BranchRuleForm step={step} {...p} />;
    case "addToGroup":
    case "removeFromGroup":
      return <GroupForm step={step} {...p} />;
    case "setField":
      return <SetFieldForm step={step} {...p} />;
    case "setStage":
      return <SetStageForm step={step} {...p} />;
    case "recordEvent":
      return <RecordEventForm step={step} {...p} />;
    case "webhook":
      return <WebhookForm step={step} {...p} />;
    case "exit":
      return null;
  }
}

export function AddStepMenu({ onAdd, label }: { onAdd: (type: (typeof STEP_TYPES)[number]) => void; label: string }) {
  const t = useTranslations("scenarios.steps");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="outline" size="sm" className="w-fit">
          <Plus /> {label}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        {STEP_TYPES.map((type) => (
          <DropdownMenuItem key={type} onSelect={() => onAdd(type)}>
            {t(`types.${type}`)}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A vertical list of steps, each with its typed form; a branch holds two indented lanes of their own steps. */
export function StepList({ steps, onChange, path, all, problems, waiting, readOnly }: StepListProps) {
  const t = useTranslations("scenarios.steps");
  const replace = (i: number, s: Step) => onChange(steps.map((x, j) => (j === i ? s : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <ol className="grid gap-2" data-path={path}>
      {steps.map((step, i) => {
        const at = `${path}.${i}`;
        const own = problemsAt(problems, at);
        const n = step.id ? waiting.get(step.id) : undefined;
        return (
          <li key={step.id ?? i} className={own.length ? "rounded-lg border border-destructive/50 bg-card p-3" : "rounded-lg border bg-card p-3"} data-step-type={step.type} data-step-id={step.id}>
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <span className="flex size-6 items-center justify-center rounded-full bg-muted text-xs tabular-nums">{i + 1}</span>
              <span className="font-medium">{t(`types.${step.type}`)}</span>
              {step.id && <span className="font-mono text-xs text-muted-foreground">{step.id}</span>}
              {n !== undefined && n > 0 && (
                <Badge variant="warning" title={t("waitingHere")}>
                  <Users /> {t("waitingCount", { count: n })}
                </Badge>
              )}
              {!readOnly && (
                <span className="ml-auto flex gap-0.5">
                  <Button type="button" variant="ghost" size="icon" aria-label={t("moveUp")} disabled={i === 0} onClick={() => move(i, -1)}>
                    <ArrowUp />
                  </Button>
                  <Button type="button" variant="ghost" size="icon" aria-label={t("moveDown")} disabled={i === steps.length - 1} onClick={() => move(i, 1)}>
                    <ArrowDown />
                  </Button>
                  <Button type="button" variant="ghost" size="icon" aria-label={t("remove")} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
                    <Trash2 />
                  </Button>
                </span>
              )}
            </div>
            <StepForm step={step} onChange={(s) => replace(i, s)} readOnly={readOnly} uid={`s-${at.replaceAll(".", "-")}`} />
            {own.length > 0 && (
              <ul className="mt-2 grid gap-0.5 text-sm text-destructive" role="alert" data-testid="step-problems">
                {own.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            {step.type === "branch" && (
              <div className="mt-3 grid gap-3 md:grid-cols-2">
                {(["then", "else"] as const).map((lane) => (
                  <div key={lane} className="grid gap-2 border-l-2 border-primary/30 pl-3" data-lane={lane}>
                    <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{t(lane)}</span>
                    {problems[`${at}.${lane}`] && (
                      <p role="alert" className="text-sm text-destructive">
                        {problems[`${at}.${lane}`]}
                      </p>
                    )}
                    <StepList
                      steps={step[lane] ?? []}
                      onChange={(laneSteps) => replace(i, { ...step, [lane]: laneSteps })}
                      path={`${at}.${lane}`}
                      all={all}
                      problems={problems}
                      waiting={waiting}
                      readOnly={readOnly}
                    />
                    {!readOnly && <AddStepMenu label={t("add")} onAdd={(type) => replace(i, { ...step, [lane]: [...(step[lane] ?? []), newStep(type, all)] })} />}
                  </div>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
