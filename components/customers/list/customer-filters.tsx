"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { CustomerListQuery } from "@/lib/customers/schemas";
import type { CustomerRefs } from "./refs";
import { activeFilterCount, FILTER_KEYS, type FilterKey } from "./url-state";

interface FilterDef {
  key: FilterKey;
  options: (refs: CustomerRefs) => { id: number; name: string }[];
}

const FILTERS: FilterDef[] = [
  { key: "stageId", options: (r) => r.stages },
  { key: "typeId", options: (r) => r.types },
  { key: "dealFlagId", options: (r) => r.dealFlags },
  { key: "sourceId", options: (r) => r.sources },
  { key: "ownerId", options: (r) => r.owners.map((o) => ({ id: o.id, name: `${o.name} (${o.loginNo})` })) },
  { key: "taskId", options: (r) => r.tasks },
  { key: "labelId", options: (r) => r.labels },
];

const SEARCH_DELAY_MS = 350;

interface CustomerFiltersProps {
  query: CustomerListQuery;
  refs: CustomerRefs;
  onChange: (changes: Partial<CustomerListQuery>) => void;
  /** buttons at the end of the search row (export, import, columns) */
  actions?: React.ReactNode;
}

/**
 * Search by name or phone, one select per filter, and a chip per set filter that names its field
 * ("Type: VIP"); every change goes into the URL. The search box answers to `/` (the command palette's
 * shortcut) through its `data-list-search` attribute.
 */
export function CustomerFilters({ query, refs, onChange, actions }: CustomerFiltersProps) {
  const t = useTranslations("customers.filters");
  const [text, setText] = useState(query.q ?? "");
  // the search this box last sent: its echo from the URL must not overwrite what is typed since
  const sent = useRef<string | null>(null);
  const search = (q: string) => {
    sent.current = q;
    onChange({ q: q || undefined });
  };

  // back/forward or a cleared filter changes the URL under the box: show what the list shows
  useEffect(() => {
    if ((query.q ?? "") !== sent.current) setText(query.q ?? "");
    sent.current = null;
  }, [query.q]);

  useEffect(() => {
    const q = text.trim();
    if (q === (query.q ?? "")) return;
    const timer = setTimeout(() => {
      sent.current = q;
      onChange({ q: q || undefined });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query.q, onChange]);

  const active = activeFilterCount(query);
  const chips = FILTERS.filter((f) => query[f.key] !== undefined).map((f) => {
    const id = query[f.key];
    return { key: f.key, value: f.options(refs).find((o) => o.id === id)?.name ?? `#${id}` };
  });
  const clear = () => {
    setText("");
    onChange({ q: undefined, departmentId: undefined, ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])) });
  };

  return (
    <div className="mb-4 space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full max-w-sm">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && text.trim() !== (query.q ?? "")) search(text.trim());
            }}
            placeholder={t("search")}
            aria-label={t("searchLabel")}
            data-list-search
            className="pl-8"
            maxLength={100}
          />
        </div>
        {active > 0 && (
          <Button variant="ghost" size="sm" onClick={clear}>
            <X /> {t("clear", { count: active })}
          </Button>
        )}
        {actions && <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7">
        {FILTERS.map((f) => {
          const options = f.options(refs);
          const value = query[f.key];
          return (
            <NativeSelect
              key={f.key}
              aria-label={t(f.key)}
              title={t(f.key)}
              value={value === undefined ? "" : String(value)}
              onChange={(e) => onChange({ [f.key]: e.target.value ? Number(e.target.value) : undefined })}
              className={value === undefined ? "text-muted-foreground" : undefined}
            >
              <option value="">{t("any", { field: t(f.key) })}</option>
              {/* a link may name an option that is gone: keep it selectable rather than showing "any" */}
              {value !== undefined && !options.some((o) => o.id === value) && <option value={value}>#{value}</option>}
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </NativeSelect>
          );
        })}
      </div>
      {chips.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t("clear", { count: chips.length })}>
          {chips.map((c) => (
            <li key={c.key}>
              <Badge variant="secondary" className="gap-1 pr-1">
                {t("chip", { field: t(c.key), value: c.value })}
                <button
                  type="button"
                  aria-label={t("removeFilter", { field: t(c.key) })}
                  className="rounded-sm p-0.5 hover:bg-muted-foreground/20"
                  onClick={() => onChange({ [c.key]: undefined })}
                >
                  <X className="size-3" />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
