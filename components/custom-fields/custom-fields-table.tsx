"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Pencil, SlidersHorizontal, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { CustomFieldDialog } from "./custom-field-dialog";
import { useCustomFields, useDeleteCustomField, type CustomFieldList } from "./use-custom-fields";

interface CustomFieldsTableProps {
  initialData: CustomFieldList;
  /** false for viewers: no edit or delete buttons */
  canWrite: boolean;
}

export function CustomFieldsTable({ initialData, canWrite }: CustomFieldsTableProps) {
  const t = useTranslations("customFields");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const fields = useCustomFields(initialData);
  // the stable mutate function, not the mutation object: columns rebuilt on every mutation state
  // would remount the cells and close an open confirmation when the server refuses
  const { mutateAsync: deleteField } = useDeleteCustomField();

  const columns = useMemo<ColumnDef<CustomFieldDefinition>[]>(() => {
    const cols: ColumnDef<CustomFieldDefinition>[] = [
      {
        accessorKey: "name",
        header: t("columns.name"),
        cell: ({ row: { original: f } }) => (
          <div className="grid min-w-0">
            <span className="truncate font-medium">{f.name}</span>
            <span className="truncate font-mono text-xs text-muted-foreground">{f.key}</span>
          </div>
        ),
      },
      { accessorKey: "type", header: t("columns.type"), cell: ({ row: { original: f } }) => t(`types.${f.type}`) },
      {
        accessorKey: "required",
        header: t("columns.required"),
        cell: ({ row: { original: f } }) => (f.required ? <Badge variant="warning">{t("required")}</Badge> : <Badge variant="muted">{t("optional")}</Badge>),
      },
      {
        id: "options",
        header: t("columns.options"),
        enableSorting: false,
        cell: ({ row: { original: f } }) =>
          f.options?.length ? (
            <span className="line-clamp-2 text-sm text-muted-foreground">{f.options.join(" · ")}</span>
          ) : (
            <span className="text-muted-foreground">—</span>
          ),
      },
    ];
    if (!canWrite) return cols;
    cols.push({
      id: "actions",
      header: () => <span className="sr-only">{tc("actions")}</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: f } }) => (
        <div className="flex justify-end gap-1">
          <CustomFieldDialog
            field={f}
            trigger={
              <Button variant="ghost" size="sm" aria-label={`${tc("edit")} ${f.name}`}>
                <Pencil /> {tc("edit")}
              </Button>
            }
          />
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${tc("delete")} ${f.name}`}>
                <Trash2 /> {tc("delete")}
              </Button>
            }
            title={t("deleteTitle", { name: f.name })}
            description={t("deleteDescription")}
            confirmLabel={tc("delete")}
            destructive
            // a refusal shows inside the confirmation
            onConfirm={() => deleteField(f.id).then(() => toast.success(t("deleted", { name: f.name })))}
          />
        </div>
      ),
    });
    return cols;
  }, [canWrite, deleteField, t, tc]);

  return (
    <DataTable
      columns={columns}
      data={fields.data?.items ?? []}
      getRowId={(f) => String(f.id)}
      isLoading={fields.isPending}
      isFetching={fields.isFetching}
      empty={
        <EmptyState
          icon={SlidersHorizontal}
          title={fields.isError ? t("loadFailed") : t("empty")}
          description={fields.isError ? errorText(fields.error) : canWrite ? t("emptyHint") : undefined}
          className="border-0 py-6"
        />
      }
    />
  );
}
