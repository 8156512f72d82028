"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ListChecks, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toast";
import { OPTION_LISTS, type OptionItem, type OptionList, type OptionLists as OptionListsData } from "@/lib/options/schemas";
import { AddOptionForm } from "./add-option-form";
import { RenameOptionDialog } from "./rename-option-dialog";
import { useDeleteOption, useOptionLists } from "./use-options";

interface OptionListsProps {
  initialData: OptionListsData;
  /** false for viewers: no add, rename or remove controls */
  canWrite: boolean;
}

/** The three option lists as tabs, each a table of its values with add / rename / remove. */
export function OptionLists({ initialData, canWrite }: OptionListsProps) {
  const t = useTranslations("options");
  const { errorText } = useErrorText();
  const lists = useOptionLists(initialData);
  return (
    <Tabs defaultValue="custType">
      <TabsList>
        {OPTION_LISTS.map((list) => (
          <TabsTrigger key={list} value={list}>
            {t(`lists.${list}`)}
            <Badge variant="muted">{lists.data?.[list].length ?? 0}</Badge>
          </TabsTrigger>
        ))}
      </TabsList>
      {OPTION_LISTS.map((list) => (
        <TabsContent key={list} value={list} className="space-y-4">
          <p className="text-xs text-muted-foreground">{t.rich("apiName", { name: list, code: (c) => <code className="font-mono">{c}</code> })}</p>
          {canWrite && <AddOptionForm list={list} />}
          <OptionTable
            list={list}
            items={lists.data?.[list] ?? []}
            canWrite={canWrite}
            isFetching={lists.isFetching}
            error={lists.isError ? errorText(lists.error) : null}
          />
        </TabsContent>
      ))}
    </Tabs>
  );
}

interface OptionTableProps {
  list: OptionList;
  items: OptionItem[];
  canWrite: boolean;
  isFetching: boolean;
  error: string | null;
}

function OptionTable({ list, items, canWrite, isFetching, error }: OptionTableProps) {
  // the stable mutate function, not the mutation object: columns rebuilt on every mutation state
  // would remount the cells and close an open confirmation when the server refuses
  const t = useTranslations("options");
  const tc = useTranslations("common");
  const listName = t(`lists.${list}`);
  const { mutateAsync: deleteOption } = useDeleteOption();
  const columns = useMemo<ColumnDef<OptionItem>[]>(() => {
    const cols: ColumnDef<OptionItem>[] = [
      { accessorKey: "name", header: t("columns.name"), cell: ({ getValue }) => <span className="font-medium">{getValue<string>()}</span> },
      { accessorKey: "value", header: t("columns.code"), cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span> },
    ];
    if (!canWrite) return cols;
    cols.push({
      id: "actions",
      header: () => <span className="sr-only">{tc("actions")}</span>,
      enableSorting: false,
      meta: { className: "w-px text-right whitespace-nowrap" },
      cell: ({ row: { original: o } }) => (
        <div className="flex justify-end gap-1">
          <RenameOptionDialog option={o} />
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${tc("remove")} ${o.name}`}>
                <Trash2 /> {tc("remove")}
              </Button>
            }
            title={t("removeTitle", { name: o.name, list: listName })}
            description={t("removeDescription")}
            confirmLabel={tc("remove")}
            destructive
            // a refusal (a customer still has it) shows inside the confirmation
            onConfirm={() => deleteOption(o.id).then(() => toast.success(t("removed", { name: o.name })))}
          />
        </div>
      ),
    });
    return cols;
  }, [listName, canWrite, deleteOption, t, tc]);

  return (
    <DataTable
      columns={columns}
      data={items}
      getRowId={(o) => String(o.id)}
      isFetching={isFetching}
      empty={
        <EmptyState
          icon={ListChecks}
          title={error ? t("loadFailed", { list: listName }) : t("empty", { list: listName })}
          description={error ?? (canWrite ? t("emptyHint") : undefined)}
          className="border-0 py-6"
        />
      }
    />
  );
}
