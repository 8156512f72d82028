"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Tags, Trash2, UserCog, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { customerKeys } from "@/lib/customers/query-keys";
import { fetchJson } from "@/lib/http/fetch-json";
import { labelKeys } from "@/lib/labels/query-keys";
import { splitLabelList } from "@/lib/labels/schemas";
import type { CustomerRefs } from "./refs";

type Action = "labels" | "owner" | "delete";

function useBulk(action: Action) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => fetchJson<{ count: number }>(`/api/customers/bulk/${action}`, { method: "POST", body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: customerKeys.all });
      if (action === "labels") void qc.invalidateQueries({ queryKey: labelKeys.all });
    },
  });
}

/** A small form dialog of the bar: one field, Apply. */
function BulkDialog({
  trigger,
  title,
  children,
  busy,
  onApply,
}: {
  trigger: ReactNode;
  title: string;
  children: ReactNode;
  busy: boolean;
  onApply: () => Promise<boolean>;
}) {
  const t = useTranslations("customers.bulk");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription className="sr-only">{title}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await onApply()) setOpen(false);
          }}
        >
          {children}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? t("applying") : t("apply")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** What one can do with the selected customers: add labels, set the owner, delete. */
export function BulkBar({ ids, owners, onDone }: { ids: number[]; owners: CustomerRefs["owners"]; onDone: () => void }) {
  const t = useTranslations("customers.bulk");
  const { toastError } = useErrorText();
  const labels = useBulk("labels");
  const owner = useBulk("owner");
  const remove = useBulk("delete");
  const [labelText, setLabelText] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const count = ids.length;

  const run = async (m: ReturnType<typeof useBulk>, body: Record<string, unknown>, done: string) => {
    try {
      const { count } = await m.mutateAsync({ ids, ...body });
      toast.success(t(done as "labelled", { count }));
      onDone();
      return true;
    } catch (err) {
      toastError(err);
      return false;
    }
  };

  return (
    <div role="toolbar" aria-label={t("selected", { count })} className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm">
      <span className="font-medium">{t("selected", { count })}</span>
      <Button variant="ghost" size="sm" onClick={onDone}>
        <X /> {t("clear")}
      </Button>
      <div className="ml-auto flex flex-wrap gap-2">
        <BulkDialog
          title={t("addLabelsTitle", { count })}
          busy={labels.isPending}
          trigger={
            <Button variant="outline" size="sm">
              <Tags /> {t("addLabels")}
            </Button>
          }
          onApply={() => (splitLabelList(labelText).length ? run(labels, { labels: splitLabelList(labelText) }, "labelled") : Promise.resolve(false))}
        >
          <div className="grid gap-2">
            <Label htmlFor="bulk-labels">{t("labels")}</Label>
            <Input id="bulk-labels" value={labelText} onChange={(e) => setLabelText(e.target.value)} placeholder="VIP, 重点" autoFocus />
            <p className="text-xs text-muted-foreground">{t("labelsHint")}</p>
          </div>
        </BulkDialog>
        <BulkDialog
          title={t("setOwnerTitle", { count })}
          busy={owner.isPending}
          trigger={
            <Button variant="outline" size="sm">
              <UserCog /> {t("setOwner")}
            </Button>
          }
          onApply={() => run(owner, { ownerId: ownerId ? Number(ownerId) : null }, "ownerSet")}
        >
          <div className="grid gap-2">
            <Label htmlFor="bulk-owner">{t("owner")}</Label>
            <NativeSelect id="bulk-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">{t("noOwner")}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.loginNo})
                </option>
              ))}
            </NativeSelect>
          </div>
        </BulkDialog>
        <ConfirmDialog
          trigger={
            <Button variant="destructive" size="sm">
              <Trash2 /> {t("delete")}
            </Button>
          }
          title={t("deleteTitle", { count })}
          description={t("deleteBody")}
          confirmLabel={t("delete")}
          destructive
          onConfirm={async () => {
            if (!(await run(remove, {}, "deleted"))) throw new Error("refused");
          }}
        />
      </div>
    </div>
  );
}
