"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { choicesOf, storesIds, type FieldInfo } from "./catalog";
import type { SegmentRefs } from "./refs";

export interface ValueInputProps {
  info: FieldInfo;
  /** a date-time attribute takes a time too */
  withTime?: boolean;
  op: string;
  value: unknown;
  onChange: (value: unknown) => void;
  refs: SegmentRefs;
  /** names the input for assistive technology ("Value of condition 2") */
  label: string;
  invalid?: boolean;
  disabled?: boolean;
}

const num = (raw: string): number | undefined => (raw.trim() === "" ? undefined : Number(raw));
const shown = (v: unknown) => (v === undefined || v === null || (typeof v === "number" && Number.isNaN(v)) ? "" : String(v));

/** The value of one condition, typed by the field's kind and the operator. */
export function ValueInput({ info, withTime, op, value, onChange, refs, label, invalid, disabled }: ValueInputProps) {
  const t = useTranslations("segments.builder");
  const common = { "aria-label": label, "aria-invalid": invalid || undefined, disabled };
  if (op === "isEmpty" || op === "isNotEmpty") return null;

  if (op === "between") {
    const pair = Array.isArray(value) ? value : [];
    const set = (i: number, v: unknown) => {
      const next = [pair[0], pair[1]];
      next[i] = v;
      onChange(next);
    };
    const one = (i: number) =>
      info.kind === "number" ? (
        <Input {...common} aria-label={`${label} ${i === 0 ? t("from") : t("to")}`} type="number" className="w-28" value={shown(pair[i])} onChange={(e) => set(i, num(e.target.value))} />
      ) : (
        <DateInput {...common} aria-label={`${label} ${i === 0 ? t("from") : t("to")}`} withTime={withTime} value={pair[i]} onChange={(v) => set(i, v)} />
      );
    return (
      <span className="flex items-center gap-1.5">
        {one(0)}
        <span className="text-sm text-muted-foreground">{t("and")}</span>
        {one(1)}
      </span>
    );
  }

  if (op === "inLastDays" || op === "notInLastDays") {
    return (
      <span className="flex items-center gap-1.5">
        <Input {...common} type="number" min={0} step={1} className="w-24" value={shown(value)} onChange={(e) => onChange(num(e.target.value))} />
        <span className="text-sm text-muted-foreground">{t("days")}</span>
      </span>
    );
  }

  if (info.kind === "number") {
    return <Input {...common} type="number" className="w-32" value={shown(value)} onChange={(e) => onChange(num(e.target.value))} />;
  }
  if (info.kind === "date") return <DateInput {...common} withTime={withTime} value={value} onChange={onChange} />;

  if (info.kind === "text") {
    if (op === "in") {
      const list = Array.isArray(value) ? value.join(", ") : "";
      return (
        <Input
          {...common}
          className="w-56"
          placeholder={t("listHint")}
          defaultValue={list}
          onChange={(e) => onChange(e.target.value.split(/[,，\n]/).map((s) => s.trim()).filter(Boolean))}
        />
      );
    }
    return <Input {...common} className="w-56" value={shown(value)} onChange={(e) => onChange(e.target.value)} />;
  }

  // choice: one value from a list, or several for in / notIn
  const choices = choicesOf(info, refs);
  const ids = storesIds(info);
  const parse = (raw: string) => (raw === "" ? undefined : ids ? Number(raw) : raw);
  if (op === "in" || op === "notIn") {
    const picked = Array.isArray(value) ? value : [];
    const names = choices.filter((c) => picked.includes(c.value)).map((c) => c.label);
    return (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button type="button" variant="outline" className="max-w-72 justify-between font-normal" {...common}>
            <span className="truncate">{names.length ? names.join(", ") : t("choose")}</span>
            <ChevronDown className="opacity-50" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="max-h-72 overflow-y-auto">
          {choices.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("noChoices")}</p>}
          {choices.map((c) => (
            <DropdownMenuCheckboxItem
              key={String(c.value)}
              checked={picked.includes(c.value)}
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(on) => onChange(on ? [...picked, c.value] : picked.filter((v) => v !== c.value))}
            >
              {c.label}
            </DropdownMenuCheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    );
  }
  return (
    <NativeSelect {...common} className="w-56" value={shown(value)} onChange={(e) => onChange(parse(e.target.value))}>
      <option value="">{t("choose")}</option>
      {choices.map((c) => (
        <option key={String(c.value)} value={String(c.value)}>
          {c.label}
        </option>
      ))}
      {/* a stored value no longer offered (a deleted label) stays visible rather than silently replaced */}
      {value !== undefined && value !== null && value !== "" && !choices.some((c) => c.value === value) && <option value={String(value)}>{String(value)}</option>}
    </NativeSelect>
  );
}

/** A date (yyyy-MM-dd) or date and time (yyyy-MM-dd HH:mm:ss), in the tenant's zone as the rule format writes them. */
function DateInput({ withTime, value, onChange, ...rest }: { withTime?: boolean; value: unknown; onChange: (v: unknown) => void } & Record<string, unknown>) {
  const text = typeof value === "string" ? value : "";
  if (withTime) {
    return (
      <Input
        {...rest}
        type="datetime-local"
        step={1}
        className="w-56"
        value={text.replace(" ", "T")}
        onChange={(e) => {
          const v = e.target.value.replace("T", " ");
          onChange(v === "" ? undefined : v.length === 16 ? `${v}:00` : v);
        }}
      />
    );
  }
  return <Input {...rest} type="date" className="w-44" value={text.slice(0, 10)} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} />;
}
