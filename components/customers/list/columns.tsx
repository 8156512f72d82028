"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import type { CustomerRow } from "@/lib/customers/serializers";

const none = <span className="text-muted-foreground">—</span>;
const MAX_LABELS = 3;

/** Columns a user may show or hide; name (and the selection box) always show. */
export const OPTIONAL_COLUMNS = [
  "phones",
  "stage",
  "score",
  "owner",
  "type",
  "labels",
  "updatedAt",
  "email",
  "companyName",
  "source",
  "dealFlag",
  "createdAt",
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export const DEFAULT_COLUMNS: OptionalColumn[] = ["phones", "stage", "score", "owner", "type", "labels", "updatedAt"];

export interface Selection {
  ids: Set<number>;
  toggle: (id: number, on: boolean) => void;
  setPage: (ids: number[], on: boolean) => void;
}

/** The customers table's columns in the user's language: a selection box (writers), then the visible ones. */
export function useCustomerColumns(rows: CustomerRow[], visible: OptionalColumn[], selection: Selection | null): ColumnDef<CustomerRow>[] {
  const t = useTranslations("customers.columns");
  const format = useFormatter();
  return useMemo(() => {
    const when = (iso: string | null) =>
      iso ? (
        <span className="whitespace-nowrap text-muted-foreground tabular-nums">{format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" })}</span>
      ) : (
        none
      );
    const ref = (r: { name: string } | null) => r?.name ?? none;
    const all: Record<OptionalColumn, ColumnDef<CustomerRow>> = {
      phones: {
        id: "phones",
        header: t("phones"),
        cell: ({ row: { original: c } }) =>
          c.phones.length === 0 ? (
            none
          ) : (
            <div className="grid font-mono text-xs">
              {c.phones.slice(0, 2).map((p) => (
                <span key={p.id}>{p.number}</span>
              ))}
              {c.phones.length > 2 && <span className="text-muted-foreground">{t("morePhones", { count: c.phones.length - 2 })}</span>}
            </div>
          ),
      },
      stage: { id: "stage", header: t("stage"), cell: ({ row: { original: c } }) => (c.stage ? <Badge variant="secondary">{c.stage.name}</Badge> : none) },
      score: {
        id: "score",
        accessorFn: (c) => c.score,
        header: t("score"),
        enableSorting: true,
        // the highest scores are what one looks for: the first click sorts them first
        sortDescFirst: true,
        meta: { className: "text-right w-20" },
        cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.score}</span>,
      },
      owner: {
        id: "owner",
        header: t("owner"),
        cell: ({ row: { original: c } }) =>
          c.owner ? (
            <span className="whitespace-nowrap">
              {c.owner.name} <span className="font-mono text-xs text-muted-foreground">{c.owner.loginNo}</span>
            </span>
          ) : (
            none
          ),
      },
      type: { id: "type", header: t("type"), cell: ({ row: { original: c } }) => ref(c.type) },
      labels: {
        id: "labels",
        header: t("labels"),
        cell: ({ row: { original: c } }) =>
          c.labels.length === 0 ? (
            none
          ) : (
            <div className="flex flex-wrap gap-1">
              {c.labels.slice(0, MAX_LABELS).map((l) => (
                <Badge key={l.id} variant="outline">
                  {l.name}
                </Badge>
              ))}
              {c.labels.length > MAX_LABELS && <Badge variant="muted">+{c.labels.length - MAX_LABELS}</Badge>}
            </div>
          ),
      },
      updatedAt: {
        id: "updatedAt",
        accessorFn: (c) => c.updatedAt,
        header: t("updatedAt"),
        enableSorting: true,
        sortDescFirst: true,
        meta: { className: "w-36" },
        cell: ({ row: { original: c } }) => when(c.updatedAt),
      },
      email: { id: "email", header: t("email"), cell: ({ row: { original: c } }) => c.email ?? none },
      companyName: { id: "companyName", header: t("companyName"), cell: ({ row: { original: c } }) => c.companyName ?? none },
      source: { id: "source", header: t("source"), cell: ({ row: { original: c } }) => ref(c.source) },
      dealFlag: { id: "dealFlag", header: t("dealFlag"), cell: ({ row: { original: c } }) => ref(c.dealFlag) },
      createdAt: {
        id: "createdAt",
        accessorFn: (c) => c.createdAt,
        header: t("createdAt"),
        enableSorting: true,
        sortDescFirst: true,
        meta: { className: "w-36" },
        cell: ({ row: { original: c } }) => when(c.createdAt),
      },
    };
    const name: ColumnDef<CustomerRow> = {
      id: "name",
      // react-table offers sorting only on columns with an accessor; the server does the sorting
      accessorFn: (c) => c.name,
      header: t("name"),
      enableSorting: true,
      cell: ({ row: { original: c } }) => (
        <div className="grid min-w-0">
          <Link href={`/customers/${c.id}`} className="truncate font-medium hover:underline" onClick={(e) => e.stopPropagation()}>
            {c.name}
          </Link>
          {(c.companyName || c.email) && <span className="truncate text-xs text-muted-foreground">{c.companyName ?? c.email}</span>}
        </div>
      ),
    };
    const cols = [name, ...OPTIONAL_COLUMNS.filter((k) => visible.includes(k)).map((k) => all[k])];
    if (!selection) return cols;
    const pageIds = rows.map((r) => r.id);
    const selectedOnPage = pageIds.filter((id) => selection.ids.has(id)).length;
    const select: ColumnDef<CustomerRow> = {
      id: "select",
      meta: { className: "w-8" },
      header: () => (
        <Checkbox
          aria-label={t("selectAll")}
          checked={selectedOnPage === 0 ? false : selectedOnPage === pageIds.length ? true : "indeterminate"}
          onCheckedChange={(on) => selection.setPage(pageIds, on === true)}
        />
      ),
      cell: ({ row: { original: c } }) => (
        // a click on the box selects; it does not open the customer
        <div onClick={(e) => e.stopPropagation()} className="flex">
          <Checkbox aria-label={t("selectRow", { name: c.name })} checked={selection.ids.has(c.id)} onCheckedChange={(on) => selection.toggle(c.id, on === true)} />
        </div>
      ),
    };
    return [select, ...cols];
  }, [t, format, rows, visible, selection]);
}
