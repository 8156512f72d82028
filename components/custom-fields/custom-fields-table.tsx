"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Pencil, SlidersHorizontal, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast, toastError } from "@/components/ui/toast";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { CustomFieldDialog } from "./custom-field-dialog";
import { TYPE_LABELS, useCustomFields, useDeleteCustomField, type CustomFieldList } from "./use-custom-fields";

interface CustomFieldsTableProps {
  initialData: CustomFieldList;
  /** false for viewers: no edit or delete buttons */
  canWrite: boolean;
}

export function CustomFieldsTable({ initialData, canWrite }: CustomFieldsTableProps) {
  const fields = useCustomFields(initialData);
  // the stable mutate function, not the mutation object: columns rebuilt on every mutation state
  // would remount the cells and close an open confirmation when the server refuses
  const { mutateAsync: deleteField } = useDeleteCustomField();

  const columns = useMemo<ColumnDef<CustomFieldDefinition>[]>(() => {
    const cols: ColumnDef<CustomFieldDefinition>[] = [
      {
        accessorKey: "name",
        header: "Name",
        cell: ({ row: { original: f } }) => (
          <div className="grid min-w-0">
            <span className="truncate font-medium">{f.name}</span>
            <span className="truncate font-mono text-xs text-muted-foreground">{f.key}</span>
          </div>
        ),
      },
      { accessorKey: "type", header: "Type", cell: ({ row: { original: f } }) => TYPE_LABELS[f.type] },
      {
        accessorKey: "required",
        header: "Required",
        cell: ({ row: { original: f } }) => (f.required ? <Badge variant="warning">Required</Badge> : <Badge variant="muted">Optional</Badge>),
      },
      {
        id: "options",
        header: "Options",
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
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: f } }) => (
        <div className="flex justify-end gap-1">
          <CustomFieldDialog
            field={f}
            trigger={
              <Button variant="ghost" size="sm" aria-label={`Edit ${f.name}`}>
                <Pencil /> Edit
              </Button>
            }
          />
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Delete ${f.name}`}>
                <Trash2 /> Delete
              </Button>
            }
            title={`Delete ${f.name}?`}
            description="Every customer's value of this field is deleted with it, and integrators can no longer send it. This cannot be undone."
            confirmLabel="Delete"
            destructive
            onConfirm={() =>
              deleteField(f.id).then(
                () => toast.success(`${f.name} deleted`),
                (e: unknown) => {
                  toastError(e);
                  throw e;
                },
              )
            }
          />
        </div>
      ),
    });
    return cols;
  }, [canWrite, deleteField]);

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
          title={fields.isError ? "Could not load custom fields" : "No custom fields yet"}
          description={fields.isError ? fields.error.message : canWrite ? "Add one with “New field”." : undefined}
          className="border-0 py-6"
        />
      }
    />
  );
}
