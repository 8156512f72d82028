"use client";

import { Pencil, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast, toastError } from "@/components/ui/toast";

interface RenameDeleteActionsProps {
  name: string;
  /** the rename dialog, opened by the trigger it is given */
  renameDialog: (trigger: ReactNode) => ReactNode;
  /** what deleting means for this record (say so when the server will refuse) */
  deleteDescription: string;
  onDelete: () => Promise<unknown>;
}

/**
 * A settings row's Rename and Delete buttons. A refused delete shows the server's message and keeps
 * the confirmation open.
 */
export function RenameDeleteActions({ name, renameDialog, deleteDescription, onDelete }: RenameDeleteActionsProps) {
  return (
    <div className="flex justify-end gap-1">
      {renameDialog(
        <Button variant="ghost" size="sm" aria-label={`Rename ${name}`}>
          <Pencil /> Rename
        </Button>,
      )}
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Delete ${name}`}>
            <Trash2 /> Delete
          </Button>
        }
        title={`Delete ${name}?`}
        description={deleteDescription}
        confirmLabel="Delete"
        destructive
        onConfirm={() =>
          onDelete().then(
            () => toast.success(`${name} deleted`),
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
