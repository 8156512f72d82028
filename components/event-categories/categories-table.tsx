"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ListTree } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ApiNameHeader } from "@/components/settings/id-header";
import { SettingsTable } from "@/components/settings/settings-table";
import type { EventCategory } from "@/lib/event-categories/schemas";
import { CategoryDialog } from "./category-dialog";
import { useDeleteEventCategory, useEventCategories } from "./use-event-categories";

export function CategoriesTable({ initialData, canWrite }: { initialData: EventCategory[]; canWrite: boolean }) {
  const t = useTranslations("categories");
  const tc = useTranslations("common");
  const categories = useEventCategories(initialData);
  const { mutateAsync: deleteCategory } = useDeleteEventCategory();

  const columns = useMemo<ColumnDef<EventCategory>[]>(
    () => [
      { accessorKey: "sort", header: tc("order"), meta: { className: "w-24 tabular-nums" } },
      { accessorKey: "name", header: tc("name"), cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      {
        accessorKey: "code",
        header: () => <ApiNameHeader label={tc("code")} apiName="category" />,
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span>,
      },
      { accessorKey: "eventTypeCount", header: t("columns.eventTypes"), meta: { className: "text-right tabular-nums" } },
    ],
    [t, tc],
  );

  return (
    <SettingsTable
      query={categories}
      columns={columns}
      canWrite={canWrite}
      icon={ListTree}
      messages={{ empty: t("empty"), emptyHint: t("emptyHint"), loadFailed: t("loadFailed") }}
      row={{
        editDialog: (c, trigger) => <CategoryDialog category={c} trigger={trigger} />,
        editLabel: tc("edit"),
        deleteTitle: (c) => t("deleteTitle", { name: c.name }),
        deleteDescription: (c) => (c.eventTypeCount > 0 ? t("deleteUngroups", { count: c.eventTypeCount }) : t("deleteFree")),
        deletedMessage: (c) => t("deleted", { name: c.name }),
        onDelete: deleteCategory,
      }}
    />
  );
}
