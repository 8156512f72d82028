"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export interface RowActionsProps {
  name: string;
  /** the edit dialog, opened by the trigger it is given */
  editDialog: (trigger: ReactNode) => ReactNode;
  /** the edit button's word: "Rename" where the name is all there is to edit */
  editLabel: string;
  deleteTitle: string;
  /** what deleting means for this record */
  deleteDescription: string;
  /** why it cannot be deleted, when the row's counts already say so: no Delete button is offered */
  inUse?: string;
  /** the toast once deleted */
  deletedMessage: string;
  onDelete: () => Promise<unknown>;
}

/**
 * A settings row's edit and Delete buttons. A refused delete shows its reason inside the
 * confirmation, which stays open.
 */
export function RowActions({ name, editDialog, editLabel, deleteTitle, deleteDescription, inUse, deletedMessage, onDelete }: RowActionsProps) {
  const t = useTranslations("common");
  return (
    <div className="flex justify-end gap-1">
      {editDialog(
        <Button variant="ghost" size="sm" aria-label={`${editLabel} ${name}`}>
          <Pencil /> {editLabel}
        </Button>,
      )}
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`${t("delete")} ${name}`}>
            <Trash2 /> {t("delete")}
          </Button>
        }
        title={deleteTitle}
        description={inUse ? undefined : deleteDescription}
        blocked={inUse}
        confirmLabel={t("delete")}
        destructive
        onConfirm={() => onDelete().then(() => toast.success(deletedMessage))}
      />
    </div>
  );
}
