"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Building2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { ApiNameHeader } from "@/components/settings/id-header";
import { SettingsTable } from "@/components/settings/settings-table";
import type { Department } from "@/lib/departments/schemas";
import { DepartmentDialog } from "./department-dialog";
import { useDeleteDepartment, useDepartments, type DepartmentList } from "./use-departments";

export function DepartmentsTable({ initialData, canWrite }: { initialData: DepartmentList; canWrite: boolean }) {
  const t = useTranslations("departments");
  const tc = useTranslations("common");
  const dates = useDates();
  const departments = useDepartments(initialData);
  const { mutateAsync: deleteDepartment } = useDeleteDepartment();

  const columns = useMemo<ColumnDef<Department>[]>(
    () => [
      { accessorKey: "name", header: tc("name"), cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      {
        accessorKey: "id",
        header: () => <ApiNameHeader label={t("columns.id")} apiName="servicegroupId" />,
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<number>()}</span>,
      },
      { accessorKey: "userCount", header: t("columns.staff"), meta: { className: "text-right tabular-nums" } },
      { accessorKey: "customerCount", header: tc("customers"), meta: { className: "text-right tabular-nums" } },
      {
        accessorKey: "createdAt",
        header: tc("created"),
        cell: ({ row: { original: d } }) => <span className="text-muted-foreground tabular-nums">{dates.date(d.createdAt)}</span>,
      },
    ],
    [t, tc, dates],
  );

  return (
    <SettingsTable
      query={{ ...departments, data: departments.data?.items }}
      columns={columns}
      canWrite={canWrite}
      icon={Building2}
      messages={{ empty: t("empty"), emptyHint: t("emptyHint"), loadFailed: t("loadFailed") }}
      row={{
        editDialog: (d, trigger) => <DepartmentDialog department={d} trigger={trigger} />,
        editLabel: tc("rename"),
        deleteTitle: (d) => t("deleteTitle", { name: d.name }),
        deleteDescription: () => t("deleteFree"),
        inUse: (d) =>
          d.userCount || d.customerCount ? t("inUse", { name: d.name, staff: d.userCount, customers: d.customerCount }) : undefined,
        deletedMessage: (d) => t("deleted", { name: d.name }),
        onDelete: deleteDepartment,
      }}
    />
  );
}
