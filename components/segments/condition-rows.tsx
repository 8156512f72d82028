"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { AttrCondition, EventRule, FieldRule, GroupRule } from "@/lib/segments/schemas";
import { COUNT_OPS } from "@/lib/segments/schemas";
import { cn } from "@/lib/utils";
import { ATTR_KIND, BUILT_IN, fieldInfo, initialValue, OPS } from "./catalog";
import { RowProblems, useProblemsAt } from "./problems";
import type { SegmentRefs } from "./refs";
import { NotToggle, RemoveButton, type NodeProps, type RowChrome } from "./rule-builder";
import { ValueInput } from "./value-input";

type RowProps<R> = NodeProps & { node: R; chrome: RowChrome };

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

function Row({ path, negated, label, children, problems }: { path: string; negated: boolean; label: string; children: React.ReactNode; problems: React.ReactNode }) {
  return (
    <div
      role="group"
      aria-label={label}
      data-testid="rule-row"
      data-path={path}
      className={cn("rounded-md border bg-background p-2", negated && "border-destructive/50")}
    >
      <div className="flex flex-wrap items-center gap-2">{children}</div>
      {problems}
    </div>
  );
}

function OpSelect({ ops, value, onChange, label, invalid }: { ops: readonly string[]; value: string; onChange: (op: string) => void; label: string; invalid?: boolean }) {
  const t = useTranslations("segments.ops");
  return (
    <NativeSelect aria-label={label} aria-invalid={invalid || undefined} className="w-auto" value={value} onChange={(e) => onChange(e.target.value)}>
      {ops.map((op) => (
        <option key={op} value={op}>
          {t(op as never)}
        </option>
      ))}
      {!ops.includes(value) && <option value={value}>{value}</option>}
    </NativeSelect>
  );
}

/** `{field, op, value}`: a customer field, an operator of its type, a typed value. */
export function FieldRow({ node, path, onChange, onRemove, refs, chrome }: RowProps<FieldRule>) {
  const t = useTranslations("segments.builder");
  const tf = useTranslations("segments.fields");
  const info = fieldInfo(node.field, refs);
  const problems = useProblemsAt(path);
  const label = t("condition");
  return (
    <Row
      path={path}
      negated={chrome.negated}
      label={label}
      problems={<RowProblems refused={problems.refused} missingText={problems.missing ? t("missingValue") : undefined} />}
    >
      <NotToggle chrome={chrome} label={label} />
      <NativeSelect
        aria-label={t("field")}
        aria-invalid={problems.at(at(path, "field")) || undefined}
        className="w-auto"
        value={node.field}
        onChange={(e) => {
          const field = e.target.value;
          const op = OPS[fieldInfo(field, refs).kind][0];
          onChange({ field, op, value: initialValue(op) as FieldRule["value"] });
        }}
      >
        <optgroup label={t("customerFields")}>
          {BUILT_IN.map((f) => (
            <option key={f.field} value={f.field}>
              {tf(f.field as never)}
            </option>
          ))}
        </optgroup>
        {refs.customFields.length > 0 && (
          <optgroup label={t("customFields")}>
            {refs.customFields.map((f) => (
              <option key={f.id} value={`custom:${f.id}`}>
                {f.name}
              </option>
            ))}
          </optgroup>
        )}
      </NativeSelect>
      <OpSelect
        ops={OPS[info.kind]}
        value={node.op}
        label={t("operator")}
        invalid={problems.at(at(path, "op"))}
        onChange={(op) => onChange({ ...node, op, value: (op === node.op ? node.value : keepOrReset(node.op, op, node.value)) as FieldRule["value"] })}
      />
      <ValueInput
        info={info}
        op={node.op}
        value={node.value}
        refs={refs}
        label={t("value")}
        invalid={problems.at(at(path, "value"))}
        onChange={(value) => onChange({ ...node, value: value as FieldRule["value"] })}
      />
      <span className="ml-auto">
        <RemoveButton onRemove={onRemove} label={label} />
      </span>
    </Row>
  );
}

/** A single value carries over between single-value operators (eq → neq); lists and pairs do not. */
function keepOrReset(from: string, to: string, value: unknown): unknown {
  const shape = (op: string) => (op === "in" || op === "notIn" ? "list" : op === "between" ? "pair" : op === "isEmpty" || op === "isNotEmpty" ? "none" : "one");
  return shape(from) === shape(to) ? value : initialValue(to);
}

/** `{group: id}`: a member of a static group. Without a list of groups, the id is typed. */
export function GroupMembershipRow({ node, path, onChange, onRemove, refs, chrome }: RowProps<GroupRule>) {
  const t = useTranslations("segments.builder");
  const problems = useProblemsAt(path);
  const label = t("condition");
  return (
    <Row path={path} negated={chrome.negated} label={label} problems={<RowProblems refused={problems.refused} missingText={problems.missing ? t("missingGroup") : undefined} />}>
      <NotToggle chrome={chrome} label={label} />
      <span className="text-sm">{t("memberOf")}</span>
      {refs.groups ? (
        <NativeSelect aria-label={t("groupPick")} className="w-56" value={node.group || ""} onChange={(e) => onChange({ group: Number(e.target.value) || 0 })}>
          <option value="">{t("choose")}</option>
          {refs.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
          {node.group > 0 && !refs.groups.some((g) => g.id === node.group) && <option value={node.group}>#{node.group}</option>}
        </NativeSelect>
      ) : (
        <Input
          aria-label={t("groupId")}
          type="number"
          min={1}
          className="w-32"
          value={node.group || ""}
          onChange={(e) => onChange({ group: Number(e.target.value) || 0 })}
        />
      )}
      <span className="ml-auto">
        <RemoveButton onRemove={onRemove} label={label} />
      </span>
    </Row>
  );
}

/** `{event, count, withinDays, where}`: did (or, with NOT, did not) an event, how often, how lately, with which attributes. */
export function EventRow({ node, path, onChange, onRemove, refs, chrome }: RowProps<EventRule>) {
  const t = useTranslations("segments.builder");
  const tc = useTranslations("segments.countOps");
  const type = refs.eventTypes.find((e) => e.eventKey === node.event);
  const problems = useProblemsAt(path, { except: at(path, "where") });
  const label = t("condition");
  const count = node.count ?? { op: "gte" as const, value: 1 };
  const where = node.where ?? [];
  const setWhere = (next: AttrCondition[]) => {
    const { where: _old, ...rest } = node;
    onChange(next.length ? { ...rest, where: next } : rest);
  };
  return (
    <Row path={path} negated={chrome.negated} label={label} problems={<RowProblems refused={problems.refused} missingText={problems.missing ? t("missingEvent") : undefined} />}>
      <NotToggle chrome={chrome} label={label} />
      <span className="text-sm font-medium">{chrome.negated ? t("didNot") : t("did")}</span>
      <NativeSelect
        aria-label={t("eventType")}
        aria-invalid={problems.at(at(path, "event")) || undefined}
        className="w-auto min-w-40"
        value={node.event}
        onChange={(e) => onChange({ ...node, event: e.target.value, where: undefined })}
      >
        <option value="">{t("choose")}</option>
        {refs.eventTypes.map((e) => (
          <option key={e.eventKey} value={e.eventKey}>
            {e.name} ({e.eventKey})
          </option>
        ))}
        {node.event && !type && <option value={node.event}>{node.event}</option>}
      </NativeSelect>
      <NativeSelect aria-label={t("countOp")} className="w-auto" value={count.op} onChange={(e) => onChange({ ...node, count: { ...count, op: e.target.value as (typeof COUNT_OPS)[number] } })}>
        {COUNT_OPS.map((op) => (
          <option key={op} value={op}>
            {tc(op)}
          </option>
        ))}
      </NativeSelect>
      <Input
        aria-label={t("countValue")}
        type="number"
        min={0}
        step={1}
        className="w-20"
        value={count.value}
        onChange={(e) => onChange({ ...node, count: { ...count, value: e.target.value === "" ? 0 : Math.max(0, Math.trunc(Number(e.target.value))) } })}
      />
      <span className="text-sm text-muted-foreground">{t("times")}</span>
      <span className="text-sm text-muted-foreground">{t("within")}</span>
      <Input
        aria-label={t("withinDays")}
        type="number"
        min={1}
        step={1}
        placeholder={t("ever")}
        className="w-24"
        value={node.withinDays ?? ""}
        onChange={(e) => {
          const { withinDays: _old, ...rest } = node;
          const n = Math.trunc(Number(e.target.value));
          onChange(e.target.value === "" || !(n > 0) ? rest : { ...rest, withinDays: n });
        }}
      />
      <span className="text-sm text-muted-foreground">{t("days")}</span>
      <span className="ml-auto">
        <RemoveButton onRemove={onRemove} label={label} />
      </span>
      <div className="basis-full space-y-2 pl-2">
        {where.map((cond, i) => (
          <AttrRow
            key={i}
            cond={cond}
            path={at(path, `where.${i}`)}
            attributes={type?.attributes ?? []}
            refs={refs}
            onChange={(c) => setWhere(where.map((w, j) => (j === i ? c : w)))}
            onRemove={() => setWhere(where.filter((_, j) => j !== i))}
          />
        ))}
        {type && type.attributes.length > 0 && (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => {
              const first = type.attributes[0];
              setWhere([...where, { attr: first.attrKey, op: OPS[ATTR_KIND[first.type]][0] }]);
            }}
          >
            <Plus /> {t("addAttr")}
          </Button>
        )}
      </div>
    </Row>
  );
}

function AttrRow({
  cond,
  path,
  attributes,
  refs,
  onChange,
  onRemove,
}: {
  cond: AttrCondition;
  path: string;
  attributes: SegmentRefs["eventTypes"][number]["attributes"];
  refs: SegmentRefs;
  onChange: (c: AttrCondition) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("segments.builder");
  const ta = useTranslations("segments.attrTypes");
  const attr = attributes.find((a) => a.attrKey === cond.attr);
  const kind = attr ? ATTR_KIND[attr.type] : "text";
  const problems = useProblemsAt(path);
  return (
    <div data-testid="rule-attr" data-path={path} className="rounded-md border border-dashed p-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground">{t("where")}</span>
        <NativeSelect
          aria-label={t("attribute")}
          aria-invalid={problems.at(`${path}.attr`) || undefined}
          className="w-auto"
          value={cond.attr}
          onChange={(e) => {
            const next = attributes.find((a) => a.attrKey === e.target.value);
            const op = OPS[next ? ATTR_KIND[next.type] : "text"][0];
            onChange({ attr: e.target.value, op });
          }}
        >
          {attributes.map((a) => (
            <option key={a.attrKey} value={a.attrKey}>
              {a.attrName} · {ta(a.type)}
            </option>
          ))}
          {!attr && <option value={cond.attr}>{cond.attr}</option>}
        </NativeSelect>
        <OpSelect
          ops={OPS[kind]}
          value={cond.op}
          label={t("operator")}
          onChange={(op) => onChange({ ...cond, op, value: keepOrReset(cond.op, op, cond.value) as AttrCondition["value"] })}
        />
        <ValueInput
          info={{ kind }}
          withTime={attr?.type === "DateTime"}
          op={cond.op}
          value={cond.value}
          refs={refs}
          label={t("value")}
          invalid={problems.at(`${path}.value`)}
          onChange={(value) => onChange({ ...cond, value: value as AttrCondition["value"] })}
        />
        <Button type="button" variant="ghost" size="icon-sm" aria-label={t("removeAttr")} title={t("removeAttr")} onClick={onRemove} className="ml-auto">
          <Trash2 />
        </Button>
      </div>
      <RowProblems refused={problems.refused} missingText={problems.missing ? t("missingValue") : undefined} />
    </div>
  );
}
