"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { NameDialog } from "@/components/settings/name-dialog";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { toast } from "@/components/ui/toast";
import { renameGroupSchema } from "@/lib/groups/console";
import { ApiError } from "@/lib/http/fetch-json";
import { useCreateGroup, useDeleteGroup, useRenameGroup } from "./use-groups";

/** "New group": a name, then the new group's page. */
export function CreateGroupButton() {
  const t = useTranslations("groups");
  const router = useRouter();
  const { mutateAsync } = useCreateGroup();
  return (
    <NameDialog
      schema={renameGroupSchema}
      save={async (v) => {
        const g = await mutateAsync({ name: v.name });
        router.push(`/groups/${g.id}`);
        return g;
      }}
      title={t("createTitle")}
      description={t("createDescription")}
      nameHint={t("nameHint")}
      submitLabel={t("create")}
      savedMessage={(name) => t("created", { name })}
      trigger={
        <Button>
          <Plus /> {t("new")}
        </Button>
      }
    />
  );
}

export function RenameGroupDialog({ group, trigger, onRenamed }: { group: { id: number; name: string }; trigger: ReactNode; onRenamed?: () => void }) {
  const t = useTranslations("groups");
  const tc = useTranslations("common");
  const { mutateAsync } = useRenameGroup();
  return (
    <NameDialog
      schema={renameGroupSchema}
      current={group}
      save={async (v) => {
        const saved = await mutateAsync({ id: group.id, name: v.name });
        onRenamed?.();
        return saved;
      }}
      title={t("renameTitle", { name: group.name })}
      description={t("renameDescription")}
      submitLabel={tc("rename")}
      savedMessage={(name) => t("renamed", { name })}
      trigger={trigger}
    />
  );
}

/**
 * Delete a group. While it has members the server refuses (group_not_empty) and the dialog says how
 * many; ticking "Remove members and delete" deletes it with its memberships (never customers).
 */
export function DeleteGroupDialog({
  group,
  trigger,
  onDeleted,
}: {
  group: { id: number; name: string; memberCount?: number };
  trigger: ReactNode;
  onDeleted?: () => void;
}) {
  const t = useTranslations("groups.delete");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const { mutateAsync } = useDeleteGroup();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [removeMembers, setRemoveMembers] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setRefusal(null);
    try {
      await mutateAsync({ id: group.id, removeMembers });
      toast.success(t("deleted", { name: group.name }));
      setOpen(false);
      onDeleted?.();
    } catch (err) {
      if (err instanceof ApiError && err.reason === "group_not_empty") {
        setRefusal(t("hasMembers", { count: Number(err.params.count ?? group.memberCount ?? 0) }));
      } else {
        setRefusal(errorText(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (next) {
          setRefusal(null);
          setRemoveMembers(false);
        }
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("title", { name: group.name })}</AlertDialogTitle>
          <AlertDialogDescription>{t("description")}</AlertDialogDescription>
        </AlertDialogHeader>
        {refusal && (
          <p role="alert" data-testid="confirm-refusal" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {refusal}
          </p>
        )}
        <label className="flex items-start gap-2 text-sm">
          <Checkbox checked={removeMembers} onCheckedChange={(v) => setRemoveMembers(v === true)} disabled={busy} className="mt-0.5" />
          <span className="grid gap-0.5">
            <span className="font-medium">{t("removeMembers")}</span>
            <span className="text-muted-foreground">{t("removeMembersHint")}</span>
          </span>
        </label>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{tc("cancel")}</AlertDialogCancel>
          <Button variant="destructive" disabled={busy} onClick={confirm}>
            {busy ? tc("deleting") : tc("delete")}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
