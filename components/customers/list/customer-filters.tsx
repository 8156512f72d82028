"use client";

import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { CustomerListQuery } from "@/lib/customers/schemas";
import type { CustomerRefs } from "./refs";
import { activeFilterCount, FILTER_KEYS, type FilterKey } from "./url-state";

interface FilterDef {
  key: FilterKey;
  label: string;
  all: string;
  options: (refs: CustomerRefs) => { id: number; name: string }[];
}

const FILTERS: FilterDef[] = [
  { key: "stageId", label: "Stage", all: "Any stage", options: (r) => r.stages },
  { key: "typeId", label: "Customer type", all: "Any type", options: (r) => r.types },
  { key: "dealFlagId", label: "Deal flag", all: "Any deal flag", options: (r) => r.dealFlags },
  { key: "sourceId", label: "Source", all: "Any source", options: (r) => r.sources },
  {
    key: "ownerId",
    label: "Owner",
    all: "Any owner",
    options: (r) => r.owners.map((o) => ({ id: o.id, name: `${o.name} (${o.loginNo})` })),
  },
  { key: "taskId", label: "Task", all: "Any task", options: (r) => r.tasks },
  { key: "labelId", label: "Label", all: "Any label", options: (r) => r.labels },
];

const SEARCH_DELAY_MS = 350;

interface CustomerFiltersProps {
  query: CustomerListQuery;
  refs: CustomerRefs;
  onChange: (changes: Partial<CustomerListQuery>) => void;
}

/** Search by name or phone, and one select per filter; every change goes into the URL. */
export function CustomerFilters({ query, refs, onChange }: CustomerFiltersProps) {
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
            placeholder="Search by name or phone"
            aria-label="Search customers by name or phone"
            className="pl-8"
            maxLength={100}
          />
        </div>
        {active > 0 && (
          <Button variant="ghost" size="sm" onClick={clear}>
            <X /> Clear {active === 1 ? "filter" : `${active} filters`}
          </Button>
        )}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7">
        {FILTERS.map((f) => {
          const options = f.options(refs);
          const value = query[f.key];
          return (
            <NativeSelect
              key={f.key}
              aria-label={f.label}
              title={f.label}
              value={value === undefined ? "" : String(value)}
              onChange={(e) => onChange({ [f.key]: e.target.value ? Number(e.target.value) : undefined })}
              className={value === undefined ? "text-muted-foreground" : undefined}
            >
              <option value="">{f.all}</option>
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
    </div>
  );
}
