"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { GroupPicker } from "@/components/groups/group-picker";
import { useGroup } from "@/components/groups/use-groups";
import { ApiError } from "@/lib/http/fetch-json";
import type { Step } from "@/lib/scenarios/document";
import { SETTABLE_FIELDS } from "./flow-types";
import { useFlowEventTypes, useStageOptions } from "./use-scenarios";

type Of<T extends Step["type"]> = Extract<Step, { type: T }>;
interface FormProps<T extends Step["type"]> {
  step: Of<T>;
  onChange: (step: Step) => void;
  readOnly: boolean;
  /** prefix of the inputs' ids, unique per step */
  uid: string;
}

const num = (v: string): number => (v === "" ? (undefined as unknown as number) : Number(v));

function Field({ label, htmlFor, children, className }: { label: string; htmlFor: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className ?? "grid gap-1"}>
      <Label htmlFor={htmlFor} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}

const WAIT_UNITS = ["minutes", "hours", "days", "until"] as const;

export function WaitForm({ step, onChange, readOnly, uid }: FormProps<"wait">) {
  const t = useTranslations("scenarios.steps");
  const unit = step.until ? "until" : step.days !== undefined ? "days" : step.hours !== undefined ? "hours" : "minutes";
  const amount = unit === "until" ? undefined : step[unit];
  const set = (u: (typeof WAIT_UNITS)[number], value: number | undefined) =>
    onChange(u === "until" ? { id: step.id, type: "wait", until: "scheduledTime" } : { id: step.id, type: "wait", [u]: value ?? 0 });
  return (
    <div className="flex flex-wrap items-end gap-2">
      {unit !== "until" && (
        <Field label={t("amount")} htmlFor={`${uid}-amount`}>
          <Input id={`${uid}-amount`} type="number" min={0} className="w-28" disabled={readOnly} value={amount ?? ""} onChange={(e) => set(unit, num(e.target.value))} />
        </Field>
      )}
      <Field label={t("unit")} htmlFor={`${uid}-unit`}>
        <NativeSelect id={`${uid}-unit`} disabled={readOnly} value={unit} onChange={(e) => set(e.target.value as (typeof WAIT_UNITS)[number], amount)}>
          {WAIT_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`units.${u}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
    </div>
  );
}

/** A branch's rule: a segment rule as JSON, checked by the server on save (paths name where it is wrong). */
export function BranchRuleForm({ step, onChange, readOnly, uid }: FormProps<"branch">) {
  const t = useTranslations("scenarios.steps");
  const [text, setText] = useState(() => JSON.stringify(step.if ?? { all: [] }, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <Field label={t("rule")} htmlFor={`${uid}-rule`}>
      <Textarea
        id={`${uid}-rule`}
        rows={3}
        className="font-mono text-xs"
        disabled={readOnly}
        aria-invalid={bad || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange({ ...step, if: JSON.parse(e.target.value) });
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      <p className={bad ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>{bad ? t("ruleNotJson") : t("ruleHint")}</p>
    </Field>
  );
}

/**
 * The group of an add/remove step, chosen by name (the groups' search). A group that no longer
 * exists (deleted since, or pasted in the JSON) is shown as such at once, before activation refuses it.
 */
export function GroupForm({ step, onChange, readOnly, uid }: FormProps<"addToGroup" | "removeFromGroup">) {
  const t = useTranslations("scenarios.steps");
  const id = Number.isInteger(step.groupId) && step.groupId > 0 ? step.groupId : undefined;
  const group = useGroup(id);
  const missing = id !== undefined && group.error instanceof ApiError && group.error.status === 404;
  return (
    <Field label={t("group")} htmlFor={`${uid}-group`}>
      <GroupPicker
        id={`${uid}-group`}
        label={t("group")}
        className="w-64 max-w-full"
        disabled={readOnly}
        invalid={missing}
        onSelect={(g) => onChange({ ...step, groupId: g.id })}
        trigger={<span className="truncate">{id === undefined ? t("pickGroup") : (group.data?.name ?? `#${id}`)}</span>}
      />
      {missing && (
        <p className="text-xs text-destructive" role="alert" data-testid="group-missing">
          {t("groupMissing", { id })}
        </p>
      )}
    </Field>
  );
}

export function SetFieldForm({ step, onChange, readOnly, uid }: FormProps<"setField">) {
  const t = useTranslations("scenarios.steps");
  const numeric = SETTABLE_FIELDS[step.field as keyof typeof SETTABLE_FIELDS] === "number";
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field label={t("field")} htmlFor={`${uid}-field`}>
        <NativeSelect id={`${uid}-field`} disabled={readOnly} value={step.field} onChange={(e) => onChange({ ...step, field: e.target.value, value: SETTABLE_FIELDS[e.target.value as keyof typeof SETTABLE_FIELDS] === "number" ? 0 : "" })}>
          {Object.keys(SETTABLE_FIELDS).map((f) => (
            <option key={f} value={f}>
              {t(`fields.${f as keyof typeof SETTABLE_FIELDS}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t("value")} htmlFor={`${uid}-value`} className="grid flex-1 gap-1">
        <Input
          id={`${uid}-value`}
          type={numeric ? "number" : "text"}
          disabled={readOnly}
          value={step.value ?? ""}
          onChange={(e) => onChange({ ...step, value: numeric ? num(e.target.value) : e.target.value })}
        />
      </Field>
    </div>
  );
}

export function SetStageForm({ step, onChange, readOnly, uid }: FormProps<"setStage">) {
  const t = useTranslations("scenarios.steps");
  const stages = useStageOptions().data ?? [];
  return (
    <Field label={t("stage")} htmlFor={`${uid}-stage`}>
      <NativeSelect id={`${uid}-stage`} disabled={readOnly} value={step.stageId ?? ""} onChange={(e) => onChange({ ...step, stageId: num(e.target.value) })}>
        <option value="">{t("choose")}</option>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

/** attrs as `key=value` lines: numbers stay numbers. */
const attrsText = (attrs: Record<string, string | number> = {}) =>
  Object.entries(attrs)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
function parseAttrs(text: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const line of text.split("\n")) {
    const i = line.indexOf("=");
    if (i <= 0) continue;
    const k = line.slice(0, i).trim();
    const v = line.slice(i + 1).trim();
    out[k] = v !== "" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  return out;
}

export function RecordEventForm({ step, onChange, readOnly, uid }: FormProps<"recordEvent">) {
  const t = useTranslations("scenarios.steps");
  const types = (useFlowEventTypes().data ?? []).filter((e) => !e.archived);
  const [text, setText] = useState(() => attrsText(step.attrs));
  const type = types.find((e) => e.eventKey === step.eventKey);
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <Field label={t("eventKey")} htmlFor={`${uid}-key`}>
        <NativeSelect id={`${uid}-key`} disabled={readOnly} value={step.eventKey} onChange={(e) => onChange({ ...step, eventKey: e.target.value })}>
          <option value="">{t("choose")}</option>
          {types.map((e) => (
            <option key={e.eventKey} value={e.eventKey}>
              {e.name} ({e.eventKey})
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t("attrs")} htmlFor={`${uid}-attrs`}>
        <Textarea
          id={`${uid}-attrs`}
          rows={2}
          className="font-mono text-xs"
          disabled={readOnly}
          placeholder={type?.attributes.map((a) => `${a.attrKey}=`).join("\n") || "key=value"}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange({ ...step, attrs: parseAttrs(e.target.value) });
          }}
        />
      </Field>
    </div>
  );
}

export function WebhookForm({ step, onChange, readOnly, uid }: FormProps<"webhook">) {
  const t = useTranslations("scenarios.steps");
  return (
    <div className="grid gap-2 sm:grid-cols-[1fr_8rem_8rem]">
      <Field label={t("url")} htmlFor={`${uid}-url`}>
        <Input id={`${uid}-url`} type="url" placeholder="https://" disabled={readOnly} value={step.url} onChange={(e) => onChange({ ...step, url: e.target.value })} />
      </Field>
      <Field label={t("timeoutMs")} htmlFor={`${uid}-timeout`}>
        <Input id={`${uid}-timeout`} type="number" min={100} max={30000} disabled={readOnly} value={step.timeoutMs ?? ""} onChange={(e) => onChange({ ...step, timeoutMs: num(e.target.value) })} />
      </Field>
      <Field label={t("maxAttempts")} htmlFor={`${uid}-attempts`}>
        <Input id={`${uid}-attempts`} type="number" min={1} max={20} disabled={readOnly} value={step.maxAttempts ?? ""} onChange={(e) => onChange({ ...step, maxAttempts: num(e.target.value) })} />
      </Field>
    </div>
  );
}
