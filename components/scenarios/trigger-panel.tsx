"use client";

import { Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { DataField, DataFieldType } from "@/lib/custom-events/schemas";
import { ApiError } from "@/lib/http/fetch-json";
import { useFireCustomEvent, useScenarios, useSegmentOptions, type CustomEvent } from "./use-scenarios";

/** How the panel names one customer (seed 003's identifiers; the server takes the highest given). */
const IDENTIFIERS = ["customerId", "customerEmail", "customerPhone", "customerCrmId", "customerEmailMd5", "customerEmailSha256"] as const;
type Identifier = (typeof IDENTIFIERS)[number];

/** A form value as the data field's type writes it (datetime-local → `yyyy-MM-dd HH:mm:ss`). */
function wireValue(type: DataFieldType, value: string): string {
  if (type === "DateTime" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value.replace("T", " ")}:00`;
  return value;
}

function FieldInput({ name, type, value, onChange, invalid }: { name: string; type: DataFieldType; value: string; onChange: (v: string) => void; invalid?: boolean }) {
  const common = { id: `df-${name}`, "aria-invalid": invalid || undefined, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  switch (type) {
    case "Number":
    case "Money":
      return <Input type="number" inputMode="decimal" step="any" {...common} />;
    case "Date":
      return <Input type="date" {...common} />;
    case "DateTime":
      return <Input type="datetime-local" {...common} />;
    case "Boolean":
      return (
        <NativeSelect {...common}>
          <option value="" />
          <option value="true">true</option>
          <option value="false">false</option>
        </NativeSelect>
      );
    case "Url":
      return <Input type="url" {...common} />;
    case "Text":
      return <Textarea rows={2} {...common} />;
    default:
      return <Input {...common} />;
  }
}

/**
 * Fires a custom event for one customer (named by any identifier) or for the union of segments,
 * with its data fields typed by the definition. Says first what it will do: how many active
 * scenarios the custom event starts, and for how many customers.
 */
export function TriggerPanel({ customEvent, onFired }: { customEvent: CustomEvent; onFired?: () => void }) {
  const t = useTranslations("scenarios.trigger");
  const tce = useTranslations("scenarios.customEvents");
  const { number } = useDates();
  const { errorText, detailText } = useErrorText();
  const [mode, setMode] = useState<"customer" | "segments">("customer");
  const [identifier, setIdentifier] = useState<Identifier>("customerId");
  const [who, setWho] = useState("");
  const [segments, setSegments] = useState<number[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const scenarios = useScenarios().data ?? [];
  const segmentOptions = useSegmentOptions(mode === "segments");
  const fire = useFireCustomEvent();

  const active = scenarios.filter((s) => s.status === "active" && "customEvent" in s.trigger && s.trigger.customEvent === customEvent.id);
  const chosen = (segmentOptions.data ?? []).filter((s) => segments.includes(s.id));
  const reach = mode === "customer" ? (who.trim() ? 1 : 0) : chosen.reduce((n, s) => n + (s.count ?? 0), 0);
  const dataFields: DataField[] = customEvent.fields.filter((f) => (values[f.name] ?? "") !== "").map((f) => ({ name: f.name, type: f.type, value: wireValue(f.type, values[f.name]) }));
  const ready = mode === "customer" ? who.trim() !== "" : segments.length > 0;

  async function submit() {
    setError(null);
    setProblems({});
    const ref = identifier === "customerId" ? Number(who.trim()) : who.trim();
    try {
      const out = await fire.mutateAsync(
        mode === "segments" ? { customEventId: customEvent.id, segments, dataFields } : { customEventId: customEvent.id, [identifier]: ref, dataFields },
      );
      toast.success(out.fanOutId !== undefined ? t("queuedToast", { segments: segments.length }) : t("firedToast", { runs: out.runs ?? 0 }));
      onFired?.();
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const d of err.details) {
          const m = d.path?.match(/^dataFields\.(\d+)/);
          if (m && dataFields[Number(m[1])]) byField[dataFields[Number(m[1])].name] = detailText(d);
        }
        setProblems(byField);
      }
      setError(errorText(err));
    }
  }

  return (
    <div className="grid gap-4" data-testid="trigger-panel">
      <Tabs value={mode} onValueChange={(v) => setMode(v as typeof mode)}>
        <TabsList>
          <TabsTrigger value="customer">{t("oneCustomer")}</TabsTrigger>
          <TabsTrigger value="segments">{t("segments")}</TabsTrigger>
        </TabsList>
        <TabsContent value="customer" className="grid gap-2 pt-2 sm:grid-cols-[12rem_1fr]">
          <NativeSelect aria-label={t("identifier")} value={identifier} onChange={(e) => setIdentifier(e.target.value as Identifier)}>
            {IDENTIFIERS.map((i) => (
              <option key={i} value={i}>
                {t(`identifiers.${i}`)}
              </option>
            ))}
          </NativeSelect>
          <Input
            aria-label={t("identifierValue")}
            placeholder={t(`identifierHints.${identifier}`)}
            inputMode={identifier === "customerId" ? "numeric" : undefined}
            value={who}
            onChange={(e) => setWho(e.target.value)}
          />
        </TabsContent>
        <TabsContent value="segments" className="pt-2">
          {segmentOptions.isPending ? (
            <p className="text-sm text-muted-foreground">{t("loadingSegments")}</p>
          ) : (segmentOptions.data ?? []).length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noSegments")}</p>
          ) : (
            <ul className="grid max-h-48 gap-1.5 overflow-y-auto">
              {(segmentOptions.data ?? []).map((s) => (
                <li key={s.id}>
                  <label className="flex cursor-pointer items-center gap-2 text-sm">
                    <Checkbox checked={segments.includes(s.id)} onCheckedChange={(on) => setSegments(on ? [...segments, s.id] : segments.filter((x) => x !== s.id))} />
                    <span>{s.name}</span>
                    <span className="text-xs text-muted-foreground tabular-nums">{s.count === null ? "—" : t("customers", { count: s.count })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </TabsContent>
      </Tabs>

      {customEvent.fields.length > 0 && (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{tce("fields")}</legend>
          {customEvent.fields.map((f) => (
            <div key={f.name} className="grid gap-1 sm:grid-cols-[12rem_1fr] sm:items-center">
              <Label htmlFor={`df-${f.name}`}>
                {f.name} <span className="text-xs font-normal text-muted-foreground">{tce(`types.${f.type}`)}</span>
              </Label>
              <FieldInput name={f.name} type={f.type} value={values[f.name] ?? ""} invalid={!!problems[f.name]} onChange={(v) => setValues({ ...values, [f.name]: v })} />
              {problems[f.name] && <p className="text-sm text-destructive sm:col-start-2">{problems[f.name]}</p>}
            </div>
          ))}
        </fieldset>
      )}

      <p className="rounded-md border bg-muted/40 px-3 py-2 text-sm" data-testid="trigger-preview">
        {t("preview", { scenarios: active.length, customers: number(reach), exact: mode === "segments" && segments.length > 1 ? "upTo" : "exact" })}
        {active.length === 0 && <span className="block text-muted-foreground">{t("noActive")}</span>}
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {error}
        </p>
      )}
      <Button onClick={submit} disabled={!ready || fire.isPending} className="w-fit">
        <Send /> {fire.isPending ? t("firing") : t("fire")}
      </Button>
    </div>
  );
}

/** The panel in a dialog, opened from a custom event's row. */
export function TriggerDialog({ customEvent, trigger }: { customEvent: CustomEvent; trigger: ReactNode }) {
  const t = useTranslations("scenarios.trigger");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("title", { name: customEvent.name })}</DialogTitle>
          <DialogDescription>{t("description", { id: customEvent.id })}</DialogDescription>
        </DialogHeader>
        <TriggerPanel customEvent={customEvent} onFired={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
