"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { OPERATORS, type AttrType } from "@/lib/scenarios/conditions";
import type { Condition, Trigger } from "@/lib/scenarios/document";
import type { Problems } from "./flow-types";
import { useCustomEvents, useFlowEventTypes } from "./use-scenarios";

const LIST_OPS = new Set(["in", "between"]);
const NO_VALUE = new Set(["isEmpty", "isNotEmpty"]);

/** A condition's value as typed: lists (in, between) comma-separated; numbers for number attributes. */
function parseValue(type: AttrType, op: string, text: string): unknown {
  const one = (v: string) => (type === "value" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : v.trim());
  return LIST_OPS.has(op) ? text.split(",").map(one) : one(text);
}
const valueText = (v: unknown) => (Array.isArray(v) ? v.join(", ") : v === undefined || v === null ? "" : String(v));

function ProblemText({ problems, path }: { problems: Problems; path: string }) {
  const own = Object.entries(problems).filter(([p]) => p === path || p.startsWith(`${path}.`));
  if (!own.length) return null;
  return (
    <p role="alert" className="text-sm text-destructive">
      {own.map(([, m]) => m).join(" · ")}
    </p>
  );
}

/** The trigger: a custom event, or an event type with conditions on its showInFlow attributes. */
export function TriggerEditor({ trigger, onChange, problems, readOnly }: { trigger: Trigger; onChange: (t: Trigger) => void; problems: Problems; readOnly: boolean }) {
  const t = useTranslations("scenarios.editor");
  const customEvents = useCustomEvents().data ?? [];
  const eventTypes = (useFlowEventTypes().data ?? []).filter((e) => !e.archived);
  const kind = "customEvent" in trigger ? "customEvent" : "eventType";
  const type = "eventType" in trigger ? eventTypes.find((e) => e.eventKey === trigger.eventType) : undefined;
  const attrs = type?.attributes.filter((a) => a.showInFlow) ?? [];
  const where = "eventType" in trigger ? (trigger.where ?? []) : [];
  const setWhere = (next: Condition[]) => "eventType" in trigger && onChange({ eventType: trigger.eventType, where: next });

  return (
    <div className="grid gap-3">
      <div className="grid gap-2 sm:grid-cols-[12rem_1fr]">
        <div className="grid gap-1">
          <Label htmlFor="trigger-kind">{t("triggerKind")}</Label>
          <NativeSelect
            id="trigger-kind"
            disabled={readOnly}
            value={kind}
            onChange={(e) => onChange(e.target.value === "customEvent" ? { customEvent: customEvents[0]?.id ?? (undefined as unknown as number) } : { eventType: eventTypes[0]?.eventKey ?? "", where: [] })}
          >
            <option value="customEvent">{t("kinds.customEvent")}</option>
            <option value="eventType">{t("kinds.eventType")}</option>
          </NativeSelect>
        </div>
        {"customEvent" in trigger ? (
          <div className="grid gap-1">
            <Label htmlFor="trigger-custom-event">{t("customEvent")}</Label>
            <NativeSelect id="trigger-custom-event" disabled={readOnly} value={trigger.customEvent ?? ""} onChange={(e) => onChange({ customEvent: Number(e.target.value) })}>
              <option value="">{t("choose")}</option>
              {customEvents.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.id})
                </option>
              ))}
            </NativeSelect>
            <ProblemText problems={problems} path="trigger.customEvent" />
          </div>
        ) : (
          <div className="grid gap-1">
            <Label htmlFor="trigger-event-type">{t("eventType")}</Label>
            <NativeSelect id="trigger-event-type" disabled={readOnly} value={trigger.eventType} onChange={(e) => onChange({ eventType: e.target.value, where: [] })}>
              <option value="">{t("choose")}</option>
              {eventTypes.map((e) => (
                <option key={e.eventKey} value={e.eventKey}>
                  {e.name} ({e.eventKey})
                </option>
              ))}
            </NativeSelect>
            <ProblemText problems={problems} path="trigger.eventType" />
          </div>
        )}
      </div>
      {"eventType" in trigger && (
        <div className="grid gap-2">
          <span className="text-sm font-medium">{t("conditions")}</span>
          {attrs.length === 0 && <p className="text-sm text-muted-foreground">{t("noFlowAttributes")}</p>}
          {where.map((c, i) => {
            const attr = attrs.find((a) => a.attrKey === c.attr);
            const attrType = (attr?.type ?? "text") as AttrType;
            return (
              <div key={i} className="grid gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <NativeSelect aria-label={t("attribute")} disabled={readOnly} value={c.attr} onChange={(e) => setWhere(where.map((x, j) => (j === i ? { attr: e.target.value, op: "eq", value: "" } : x)))}>
                    {attrs.map((a) => (
                      <option key={a.attrKey} value={a.attrKey}>
                        {a.attrName}
                      </option>
                    ))}
                  </NativeSelect>
                  <NativeSelect aria-label={t("operator")} disabled={readOnly} value={c.op} onChange={(e) => setWhere(where.map((x, j) => (j === i ? { ...x, op: e.target.value } : x)))}>
                    {OPERATORS[attrType].map((op) => (
                      <option key={op} value={op}>
                        {t(`ops.${op as "eq"}`)}
                      </option>
                    ))}
                  </NativeSelect>
                  {!NO_VALUE.has(c.op) && (
                    <Input
                      aria-label={t("conditionValue")}
                      className="w-48"
                      disabled={readOnly}
                      placeholder={LIST_OPS.has(c.op) ? t("listHint") : undefined}
                      defaultValue={valueText(c.value)}
                      onChange={(e) => setWhere(where.map((x, j) => (j === i ? { ...x, value: parseValue(attrType, c.op, e.target.value) } : x)))}
                    />
                  )}
                  {!readOnly && (
                    <Button type="button" variant="ghost" size="icon" aria-label={t("removeCondition")} onClick={() => setWhere(where.filter((_, j) => j !== i))}>
                      <Trash2 />
                    </Button>
                  )}
                </div>
                <ProblemText problems={problems} path={`trigger.where.${i}`} />
              </div>
            );
          })}
          {!readOnly && attrs.length > 0 && (
            <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => setWhere([...where, { attr: attrs[0].attrKey, op: "eq", value: "" }])}>
              <Plus /> {t("addCondition")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
