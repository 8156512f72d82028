"use client";

import { Braces, ListOrdered, Pause, Play, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/fetch-json";
import { REENTRY, type Reentry, type Step, type Trigger } from "@/lib/scenarios/document";
import { newStep, type Problems } from "./flow-types";
import { StatusBadge } from "./status-badge";
import { AddStepMenu, StepList } from "./step-list";
import { TriggerEditor } from "./trigger-editor";
import { useSaveScenario, useScenarioStatus, useWaiting, type Scenario } from "./use-scenarios";

/** What the editor holds: the scenario document without its status (the buttons change that). */
interface Draft {
  name: string;
  description?: string | null;
  trigger: Trigger;
  reentry: Reentry;
  steps: Step[];
}

const fromScenario = (s: Scenario | undefined): Draft =>
  s
    ? { name: s.document.name, description: s.document.description ?? null, trigger: s.document.trigger as Trigger, reentry: s.document.reentry as Reentry, steps: s.document.steps as Step[] }
    : { name: "", trigger: { customEvent: undefined as unknown as number }, reentry: "once", steps: [] };

/**
 * The flow editor. The document is recursive (branches hold lanes of steps), so it lives in one
 * state object rather than a react-hook-form tree; the server validates it on save and every
 * problem comes back with its path (`steps.1.then.0.groupId`), shown at that step.
 */
export function FlowEditor({ scenario, canWrite }: { scenario?: Scenario; canWrite: boolean }) {
  const t = useTranslations("scenarios.editor");
  const tc = useTranslations("common");
  const router = useRouter();
  const { errorText, detailText } = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => fromScenario(scenario));
  const [problems, setProblems] = useState<Problems>({});
  const [rootError, setRootError] = useState<string | null>(null);
  const [json, setJson] = useState<string | null>(null);
  const save = useSaveScenario();
  const status = useScenarioStatus();
  const waitingRows = useWaiting(scenario?.id).data;
  const waiting = useMemo(() => new Map((waitingRows ?? []).map((w) => [w.stepId, w.waiting])), [waitingRows]);
  const readOnly = !canWrite;
  const state = scenario?.status ?? "draft";
  const busy = save.isPending || status.isPending;

  function fail(err: unknown) {
    const next: Problems = {};
    if (err instanceof ApiError) for (const d of err.details) if (d.path) next[d.path] = detailText(d);
    setProblems(next);
    const placed = Object.keys(next).length > 0;
    setRootError(placed ? t("fixProblems", { count: Object.keys(next).length }) : errorText(err));
  }

  async function persist(): Promise<Scenario | null> {
    setRootError(null);
    try {
      const saved = await save.mutateAsync({ id: scenario?.id, document: { ...draft, status: state as "draft" | "active" | "paused" } });
      setProblems({});
      setDraft(fromScenario(saved));
      return saved;
    } catch (err) {
      fail(err);
      return null;
    }
  }

  async function onSave() {
    const saved = await persist();
    if (!saved) return;
    toast.success(t("savedToast", { version: saved.version }));
    if (!scenario) router.push(`/scenarios/${saved.id}`);
  }

  async function onStatus(action: "activate" | "pause" | "resume") {
    let id = scenario?.id;
    if (action !== "pause") {
      const saved = await persist();
      if (!saved) return;
      id = saved.id;
    }
    try {
      await status.mutateAsync({ id: id!, action });
      toast.success(t(`${action}dToast`));
      if (!scenario) router.push(`/scenarios/${id}`);
      else router.refresh();
    } catch (err) {
      fail(err);
    }
  }

  function applyJson() {
    try {
      const parsed = JSON.parse(json ?? "") as Partial<Draft>;
      if (!parsed || typeof parsed !== "object" || !Array.isArray(parsed.steps) || !parsed.trigger) throw new Error("shape");
      setDraft({ name: parsed.name ?? "", description: parsed.description ?? null, trigger: parsed.trigger, reentry: parsed.reentry ?? "once", steps: parsed.steps });
      setJson(null);
      setRootError(null);
    } catch {
      setRootError(t("jsonInvalid"));
    }
  }

  const documentText = JSON.stringify({ ...draft, status: state }, null, 2);

  return (
    <div className="grid gap-4" data-testid="flow-editor">
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
          <CardTitle className="flex items-center gap-2">
            {t("settings")} <StatusBadge kind="scenario" value={state} />
            {scenario && <span className="text-sm font-normal text-muted-foreground">{t("version", { version: scenario.version })}</span>}
          </CardTitle>
          {canWrite && (
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" onClick={onSave} disabled={busy}>
                <Save /> {save.isPending ? tc("saving") : tc("save")}
              </Button>
              {state === "active" ? (
                <Button variant="outline" onClick={() => onStatus("pause")} disabled={busy}>
                  <Pause /> {t("pause")}
                </Button>
              ) : (
                <Button onClick={() => onStatus(state === "paused" ? "resume" : "activate")} disabled={busy}>
                  <Play /> {state === "paused" ? t("resume") : t("activate")}
                </Button>
              )}
            </div>
          )}
        </CardHeader>
        <CardContent className="grid gap-4">
          {canWrite && state === "active" && <p className="text-sm text-muted-foreground">{t("newVersionNote", { next: (scenario?.version ?? 0) + 1 })}</p>}
          {rootError && (
            <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {rootError}
            </p>
          )}
          <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
            <div className="grid gap-1">
              <Label htmlFor="scenario-name">{tc("name")}</Label>
              <Input id="scenario-name" disabled={readOnly} value={draft.name} aria-invalid={!!problems.name || undefined} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
              {problems.name && <p className="text-sm text-destructive">{problems.name}</p>}
            </div>
            <div className="grid gap-1">
              <Label htmlFor="scenario-reentry">{t("reentry")}</Label>
              <NativeSelect id="scenario-reentry" disabled={readOnly} value={draft.reentry} onChange={(e) => setDraft({ ...draft, reentry: e.target.value as Reentry })}>
                {REENTRY.map((r) => (
                  <option key={r} value={r}>
                    {t(`reentries.${r}`)}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
          <TriggerEditor trigger={draft.trigger} onChange={(trigger) => setDraft({ ...draft, trigger })} problems={problems} readOnly={readOnly} />
        </CardContent>
      </Card>

      <Tabs value={json === null ? "steps" : "json"} onValueChange={(v) => setJson(v === "json" ? documentText : null)}>
        <TabsList>
          <TabsTrigger value="steps">
            <ListOrdered /> {t("steps")}
          </TabsTrigger>
          <TabsTrigger value="json">
            <Braces /> {t("json")}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="steps" className="grid gap-2 pt-2">
          {problems.steps && (
            <p role="alert" className="text-sm text-destructive">
              {problems.steps}
            </p>
          )}
          {draft.steps.length === 0 && <p className="text-sm text-muted-foreground">{t("noSteps")}</p>}
          <StepList steps={draft.steps} onChange={(steps) => setDraft({ ...draft, steps })} path="steps" all={draft.steps} problems={problems} waiting={waiting} readOnly={readOnly} />
          {canWrite && <AddStepMenu label={t("addStep")} onAdd={(type) => setDraft({ ...draft, steps: [...draft.steps, newStep(type, draft.steps)] })} />}
        </TabsContent>
        <TabsContent value="json" className="grid gap-2 pt-2">
          <p className="text-sm text-muted-foreground">{t("jsonHint")}</p>
          <Textarea aria-label={t("json")} rows={18} className="font-mono text-xs" readOnly={readOnly} value={json ?? documentText} onChange={(e) => setJson(e.target.value)} />
          <div className="flex gap-2">
            <CopyButton value={json ?? documentText} />
            {canWrite && (
              <Button variant="outline" size="sm" onClick={applyJson}>
                {t("applyJson")}
              </Button>
            )}
          </div>
        </TabsContent>
      </Tabs>
    </div>
  );
}
