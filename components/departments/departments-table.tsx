"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Building2 } from "lucide-react";
import { useMemo } from "react";
import { RowActions } from "@/components/settings/row-actions";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Department } from "@/lib/departments/schemas";
import { formatDate } from "@/lib/format";
import { DepartmentDialog } from "./department-dialog";
import { useDeleteDepartment, useDepartments, type DepartmentList } from "./use-departments";

interface DepartmentsTableProps {
  initialData: DepartmentList;
  /** false for viewers: no rename or delete buttons */
  canWrite: boolean;
  timeZone: string;
}

export function DepartmentsTable({ initialData, canWrite, timeZone }: DepartmentsTableProps) {
  const departments = useDepartments(initialData);
  // the stable mutate function, not the mutation object: columns rebuilt on every mutation state
  // would remount the cells and close an open confirmation when the server refuses
  const { mutateAsync: deleteDepartment } = useDeleteDepartment();

  const columns = useMemo<ColumnDef<Department>[]>(() => {
    const cols: ColumnDef<Department>[] = [
      { accessorKey: "name", header: "Name", cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      { accessorKey: "id", header: "servicegroupId", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<number>()}</span> },
      { accessorKey: "userCount", header: "Staff", meta: { className: "text-right tabular-nums" } },
      { accessorKey: "customerCount", header: "Customers", meta: { className: "text-right tabular-nums" } },
      {
        accessorKey: "createdAt",
        header: "Created",
        cell: ({ row: { original: d } }) => <span className="text-muted-foreground tabular-nums">{formatDate(d.createdAt, timeZone)}</span>,
      },
    ];
    if (!canWrite) return cols;
    cols.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: d } }) => (
        <RowActions
          name={d.name}
          editDialog={(trigger) => <DepartmentDialog department={d} trigger={trigger} />}
          deleteDescription={
            d.userCount || d.customerCount
              ? `${d.name} still has ${d.userCount} staff and ${d.customerCount} customer(s); the server refuses to delete it until they move.`
              : "It has no staff and no customers. This cannot be undone."
          }
          onDelete={() => deleteDepartment(d.id)}
        />
      ),
    });
    return cols;
  }, [canWrite, timeZone, deleteDepartment]);

  return (
    <DataTable
      columns={columns}
      data={departments.data?.items ?? []}
      getRowId={(d) => String(d.id)}
      isLoading={departments.isPending}
      isFetching={departments.isFetching}
      empty={
        <EmptyState
          icon={Building2}
          title={departments.isError ? "Could not load departments" : "No departments yet"}
          description={departments.isError ? departments.error.message : canWrite ? "Create the first one with “New department”." : undefined}
          className="border-0 py-6"
        />
      }
    />
  );
}
