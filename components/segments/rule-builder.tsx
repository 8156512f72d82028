"use client";

import { Ban, Braces, Filter, Trash2, Users, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Rule } from "@/lib/segments/schemas";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";
import { EventRow, FieldRow, GroupMembershipRow } from "./condition-rows";
import { RowProblems, useProblemsAt } from "./problems";
import type { SegmentRefs } from "./refs";

export interface NodeProps<R extends Rule = Rule> {
  node: R;
  path: string;
  onChange: (node: Rule) => void;
  /** absent for the root group */
  onRemove?: () => void;
  refs: SegmentRefs;
  disabled?: boolean;
}

/** The controls every row shares: NOT (wrap in / unwrap from `{"not": …}`) and remove. */
export interface RowChrome {
  negated: boolean;
  onToggleNot: () => void;
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The builder: the rule tree, edited in place. The root is always an AND/OR group. */
export function RuleBuilder({ rule, onChange, refs, disabled }: { rule: Rule; onChange: (r: Rule) => void; refs: SegmentRefs; disabled?: boolean }) {
  return (
    <fieldset disabled={disabled} className="min-w-0" data-testid="rule-builder">
      <NodeEditor node={rule} path="" onChange={onChange} refs={refs} disabled={disabled} />
    </fieldset>
  );
}

/** Turns any rule into a group for the root: `{"all": [rule]}` unless it is one already. */
export function asRootGroup(rule: Rule): Rule {
  return "all" in rule || "any" in rule ? rule : { all: [rule] };
}

function NodeEditor(props: NodeProps) {
  const { node, path, onChange } = props;
  if ("not" in node) {
    const inner = node.not;
    const chrome: RowChrome = { negated: true, onToggleNot: () => onChange(inner) };
    return <Plain {...props} node={inner} path={at(path, "not")} onChange={(n) => onChange({ not: n })} chrome={chrome} />;
  }
  return <Plain {...props} chrome={{ negated: false, onToggleNot: () => onChange({ not: node }) }} />;
}

function Plain(props: NodeProps & { chrome: RowChrome }) {
  const { node } = props;
  if ("all" in node || "any" in node) return <GroupEditor {...props} node={node} />;
  if ("field" in node) return <FieldRow {...props} node={node} />;
  if ("event" in node) return <EventRow {...props} node={node} />;
  if ("group" in node) return <GroupMembershipRow {...props} node={node} />;
  // a double negation or anything else: one more level
  return <NodeEditor {...props} />;
}

export function NotToggle({ chrome, label }: { chrome: RowChrome; label: string }) {
  const t = useTranslations("segments.builder");
  return (
    <Button
      type="button"
      size="sm"
      variant={chrome.negated ? "destructive" : "ghost"}
      aria-pressed={chrome.negated}
      aria-label={`${t("not")} · ${label}`}
      title={t("notHint")}
      onClick={chrome.onToggleNot}
      className="h-8 px-2"
    >
      <Ban /> {t("not")}
    </Button>
  );
}

export function RemoveButton({ onRemove, label }: { onRemove?: () => void; label: string }) {
  const t = useTranslations("segments.builder");
  if (!onRemove) return null;
  return (
    <Button type="button" variant="ghost" size="icon-sm" aria-label={`${t("remove")} · ${label}`} title={t("remove")} onClick={onRemove}>
      <Trash2 />
    </Button>
  );
}

function GroupEditor({ node, path, onChange, onRemove, refs, disabled, chrome }: NodeProps<{ all: Rule[] } | { any: Rule[] }> & { chrome: RowChrome }) {
  const t = useTranslations("segments.builder");
  const mode = "all" in node ? "all" : "any";
  const children = "all" in node ? node.all : node.any;
  const set = (next: Rule[]) => onChange(mode === "all" ? { all: next } : { any: next });
  const add = (r: Rule) => set([...children, r]);
  const own = useProblemsAt(path, { exact: true });
  const label = path === "" ? t("rootGroup") : t("group");
  const firstEvent = refs.eventTypes[0]?.eventKey ?? "";
  return (
    <div
      role="group"
      aria-label={label}
      data-testid="rule-group"
      data-path={path}
      className={cn("rounded-lg border p-3", path !== "" && "bg-muted/30", chrome.negated && "border-destructive/50")}
    >
      <div className="flex flex-wrap items-center gap-2">
        {path !== "" && <NotToggle chrome={chrome} label={label} />}
        <NativeSelect
          aria-label={t("matchMode")}
          className="w-auto"
          value={mode}
          onChange={(e) => onChange(e.target.value === "all" ? { all: children } : { any: children })}
        >
          <option value="all">{t("all")}</option>
          <option value="any">{t("any")}</option>
        </NativeSelect>
        <span className="text-sm text-muted-foreground">{t("ofThese")}</span>
        <span className="ml-auto">
          <RemoveButton onRemove={onRemove} label={label} />
        </span>
      </div>
      <RowProblems refused={own.refused} />
      <ol className="mt-3 space-y-2 border-l-2 pl-3">
        {children.length === 0 && <li className="text-sm text-muted-foreground">{path === "" ? t("emptyRoot") : t("emptyGroup")}</li>}
        {children.map((child, i) => (
          <li key={i}>
            <NodeEditor
              node={child}
              path={at(path, `${mode}.${i}`)}
              refs={refs}
              disabled={disabled}
              onChange={(n) => set(children.map((c, j) => (j === i ? n : c)))}
              onRemove={() => set(children.filter((_, j) => j !== i))}
            />
          </li>
        ))}
      </ol>
      {!disabled && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="outline" onClick={() => add({ field: "stage", op: "eq" })}>
            <Filter /> {t("addCondition")}
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => add({ event: firstEvent })}>
            <Zap /> {t("addBehaviour")}
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => add({ group: refs.groups?.[0]?.id ?? 0 })}>
            <Users /> {t("addGroupMembership")}
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => add({ any: [] })}>
            <Braces /> {t("addGroup")}
          </Button>
        </div>
      )}
    </div>
  );
}
