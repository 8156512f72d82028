"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useRef, type ReactNode } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { RowActions } from "./row-actions";

/** What every settings row has. */
export interface SettingsRow {
  id: number;
  name: string;
}

export interface SettingsRowConfig<T extends SettingsRow> {
  editDialog: (row: T, trigger: ReactNode) => ReactNode;
  /** "Rename" where the name is all there is to edit, else "Edit" */
  editLabel: string;
  deleteTitle: (row: T) => string;
  deleteDescription: (row: T) => string;
  /** why the server would refuse the delete, when the row's counts already say so */
  inUse?: (row: T) => string | undefined;
  deletedMessage: (row: T) => string;
  onDelete: (id: number) => Promise<unknown>;
}

export interface SettingsTableProps<T extends SettingsRow> {
  /** a react-query result for the list */
  query: { data?: T[]; isPending: boolean; isFetching: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** the data columns; keep them stable (useMemo) */
  columns: ColumnDef<T>[];
  /** false for viewers: no edit or delete buttons */
  canWrite: boolean;
  icon: LucideIcon;
  messages: { empty: string; emptyHint?: string; loadFailed: string };
  row: SettingsRowConfig<T>;
}

/**
 * A settings list (stages, categories, departments, tasks): its data columns, then edit and Delete
 * buttons for writers; an empty state and a load error with a retry.
 */
export function SettingsTable<T extends SettingsRow>({ query, columns, canWrite, icon, messages, row }: SettingsTableProps<T>) {
  const t = useTranslations("common");
  const { errorText } = useErrorText();
  // The actions cell is created once: a cell function created on every render would remount the
  // cells and close an open confirmation when the server refuses. It reads the row config by ref.
  const rowRef = useRef(row);
  rowRef.current = row;

  const allColumns = useMemo<ColumnDef<T>[]>(() => {
    if (!canWrite) return columns;
    const actions: ColumnDef<T> = {
      id: "actions",
      header: () => <span className="sr-only">{t("actions")}</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original } }) => {
        const r = rowRef.current;
        return (
          <RowActions
            name={original.name}
            editLabel={r.editLabel}
            editDialog={(trigger) => r.editDialog(original, trigger)}
            deleteTitle={r.deleteTitle(original)}
            deleteDescription={r.deleteDescription(original)}
            inUse={r.inUse?.(original)}
            deletedMessage={r.deletedMessage(original)}
            onDelete={() => r.onDelete(original.id)}
          />
        );
      },
    };
    return [...columns, actions];
  }, [columns, canWrite, t]);

  if (query.isError) {
    return (
      <EmptyState
        title={messages.loadFailed}
        description={errorText(query.error)}
        action={
          <Button variant="outline" onClick={() => query.refetch()}>
            {t("retry")}
          </Button>
        }
      />
    );
  }
  return (
    <DataTable
      columns={allColumns}
      data={query.data ?? []}
      getRowId={(r) => String(r.id)}
      isLoading={query.isPending}
      isFetching={query.isFetching}
      empty={<EmptyState icon={icon} title={messages.empty} description={canWrite ? messages.emptyHint : undefined} className="border-0 py-6" />}
    />
  );
}
