"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { AuditEntryDto, AuditPage } from "@/lib/audit/query";
import { fetchJson } from "@/lib/http/fetch-json";

export interface AuditFacets {
  actors: { value: string; type: string; name: string | null }[];
  entities: string[];
}

interface Filters {
  actor: string;
  entity: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { actor: "", entity: "", from: "", to: "" };

type Details = Record<string, unknown> | null;

/** A short line for the details the services write (an import's counts, a bulk action's size, the fields changed). */
function useDetailLine() {
  const t = useTranslations("audit.summary");
  return (e: AuditEntryDto): string => {
    const d = e.details as Details;
    if (!d || typeof d !== "object") return "";
    if (e.action === "customer.import" && Array.isArray(d.lines)) {
      return t("import", { created: Number(d.created), skipped: Number(d.skipped), first: Number(d.lines[0]), last: Number(d.lines[1]) });
    }
    if (e.action.includes(".bulk_") && Array.isArray(d.ids)) {
      const extra = Array.isArray(d.labels) ? ` · ${d.labels.join(", ")}` : d.ownerLoginNo ? ` · ${String(d.ownerLoginNo)}` : "";
      return t("bulk", { count: d.ids.length }) + extra;
    }
    if (typeof d.name === "string") return d.name;
    if (Array.isArray(d.changes)) return d.changes.map((c: { field?: string }) => c.field).filter(Boolean).join(", ");
    if (Array.isArray(d.fields)) return d.fields.join(", ");
    return "";
  };
}

/** The audit log: who did what, when; filterable by actor, record type and day; paged on the server. */
export function AuditTable({ facets }: { facets: AuditFacets }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const { errorText } = useErrorText();
  const detailLine = useDetailLine();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const qs = params.toString();
  const entries = useQuery({
    queryKey: ["audit", qs],
    queryFn: () => fetchJson<AuditPage>(`/api/audit?${qs}`),
    placeholderData: keepPreviousData,
  });

  const set = (changes: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setPage(1);
  };

  const actorName = (a: { type: string; name: string | null }) =>
    a.type === "system" ? t("actorTypes.system") : a.type === "apikey" ? t("actorTypes.apikey", { name: a.name ?? "" }) : t("actorTypes.user", { name: a.name ?? "" });
  const entityName = (entity: string) => (t.has(`entities.${entity}` as never) ? t(`entities.${entity}` as never) : entity);
  const verb = (action: string) => {
    const v = action.split(".").slice(1).join(".");
    return t.has(`verbs.${v}` as never) ? t(`verbs.${v}` as never) : action;
  };

  const columns = useMemo<ColumnDef<AuditEntryDto>[]>(
    () => [
      {
        id: "when",
        header: t("when"),
        meta: { className: "w-44" },
        cell: ({ row: { original: e } }) => (
          <span className="whitespace-nowrap tabular-nums text-muted-foreground">{format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "medium" })}</span>
        ),
      },
      { id: "actor", header: t("actor"), cell: ({ row: { original: e } }) => actorName(e.actor) },
      { id: "action", header: t("action"), cell: ({ row: { original: e } }) => <span data-action={e.action}>{verb(e.action)}</span> },
      {
        id: "entity",
        header: t("entity"),
        cell: ({ row: { original: e } }) => (
          <span className="whitespace-nowrap">
            {entityName(e.entity)}
            {e.entityId && <span className="ml-1 font-mono text-xs text-muted-foreground">#{e.entityId}</span>}
          </span>
        ),
      },
      { id: "details", header: t("details"), cell: ({ row: { original: e } }) => <span className="text-sm text-muted-foreground">{detailLine(e)}</span> },
    ],
    // the helpers close over t and format only
    [t, format],
  );

  const filtered = Object.values(filters).some(Boolean);
  const data = entries.data;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <NativeSelect aria-label={t("actor")} className="w-48" value={filters.actor} onChange={(e) => set({ actor: e.target.value })}>
          <option value="">{t("anyActor")}</option>
          {facets.actors.map((a) => (
            <option key={a.value} value={a.value}>
              {actorName(a)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label={t("entity")} className="w-44" value={filters.entity} onChange={(e) => set({ entity: e.target.value })}>
          <option value="">{t("anyEntity")}</option>
          {facets.entities.map((e) => (
            <option key={e} value={e}>
              {entityName(e)}
            </option>
          ))}
        </NativeSelect>
        <label className="grid gap-1 text-xs text-muted-foreground">
          {t("from")}
          <Input type="date" className="w-40" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="grid gap-1 text-xs text-muted-foreground">
          {t("to")}
          <Input type="date" className="w-40" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {filtered && (
          <Button variant="ghost" size="sm" onClick={() => set(NO_FILTERS)}>
            <X /> {t("clear")}
          </Button>
        )}
      </div>
      {entries.isError && !data ? (
        <EmptyState title={t("loadFailed")} description={errorText(entries.error)} />
      ) : (
        <DataTable
          columns={columns}
          data={data?.items ?? []}
          getRowId={(e) => String(e.id)}
          isLoading={entries.isPending}
          isFetching={entries.isFetching}
          empty={<EmptyState title={t("empty")} description={filtered ? t("emptyFiltered") : undefined} className="border-0 py-6" />}
          pagination={{
            page,
            pageSize,
            total: data?.total ?? 0,
            onPageChange: setPage,
            onPageSizeChange: (n) => {
              setPageSize(n);
              setPage(1);
            },
            pageSizeOptions: [25, 50, 100],
          }}
        />
      )}
    </div>
  );
}
