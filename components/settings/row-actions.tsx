"use client";

import { Pencil, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast, toastError } from "@/components/ui/toast";

interface RowActionsProps {
  name: string;
  /** the edit dialog, opened by the trigger it is given */
  editDialog: (trigger: ReactNode) => ReactNode;
  /** the edit button's word: "Rename" where the name is all there is to edit */
  editLabel?: "Rename" | "Edit";
  /** the confirmation's title; `Delete <name>?` by default */
  deleteTitle?: string;
  /** what deleting means for this record (say so when the server will refuse) */
  deleteDescription: string;
  /** the toast once deleted; `<name> deleted` by default */
  deletedMessage?: string;
  onDelete: () => Promise<unknown>;
}

/**
 * A settings row's edit and Delete buttons. A refused delete shows the server's message and keeps
 * the confirmation open.
 */
export function RowActions({
  name,
  editDialog,
  editLabel = "Rename",
  deleteTitle = `Delete ${name}?`,
  deleteDescription,
  deletedMessage = `${name} deleted`,
  onDelete,
}: RowActionsProps) {
  return (
    <div className="flex justify-end gap-1">
      {editDialog(
        <Button variant="ghost" size="sm" aria-label={`${editLabel} ${name}`}>
          <Pencil /> {editLabel}
        </Button>,
      )}
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Delete ${name}`}>
            <Trash2 /> Delete
          </Button>
        }
        title={deleteTitle}
        description={deleteDescription}
        confirmLabel="Delete"
        destructive
        onConfirm={() =>
          onDelete().then(
            () => toast.success(deletedMessage),
            (e: unknown) => {
              toastError(e);
              throw e;
            },
          )
        }
      />
    </div>
  );
}
