"use client";

import { Camera } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { useSnapshot } from "./use-segments";

/**
 * "Snapshot to group": the segment's current members (by its saved rules) written into a new or an
 * existing static group in one step; says how many were added and links to the group.
 */
export function SnapshotDialog({ segmentId, segmentName, groups, unsaved }: { segmentId: number; segmentName: string; groups: { id: number; name: string }[] | null; unsaved: boolean }) {
  const t = useTranslations("segments.snapshot");
  const { errorText } = useErrorText();
  const snapshot = useSnapshot(segmentId);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<"new" | "existing">("new");
  const [name, setName] = useState("");
  const [groupId, setGroupId] = useState("");
  const [done, setDone] = useState<{ groupId: number; added: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // React events cross portals: this form must not submit the editor's form around the dialog
    e.stopPropagation();
    setError(null);
    const body = target === "new" ? { newGroupName: name.trim() } : { groupId: Number(groupId) };
    if (target === "new" ? !name.trim() : !(Number(groupId) > 0)) return setError(t("required"));
    try {
      const res = await snapshot.mutateAsync(body);
      const groupName = target === "new" ? name.trim() : (groups?.find((g) => g.id === res.groupId)?.name ?? `#${res.groupId}`);
      setDone({ ...res, name: groupName });
      toast.success(t("added", { count: res.added, group: groupName }));
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setDone(null);
          setError(null);
          setName(t("defaultName", { segment: segmentName }));
        }
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          <Camera /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{unsaved ? t("descriptionUnsaved") : t("description")}</DialogDescription>
        </DialogHeader>
        {done ? (
          <div role="status" data-testid="snapshot-result" className="space-y-2 text-sm">
            <p>{t("added", { count: done.added, group: done.name })}</p>
            <Link href={`/groups/${done.groupId}`} className="font-medium text-primary hover:underline">
              {t("openGroup", { group: done.name })}
            </Link>
          </div>
        ) : (
          <form id="snapshot-form" onSubmit={submit} className="grid gap-4" noValidate>
            <div role="radiogroup" aria-label={t("target")} className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="target" checked={target === "new"} onChange={() => setTarget("new")} /> {t("newGroup")}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="target" checked={target === "existing"} onChange={() => setTarget("existing")} /> {t("existingGroup")}
              </label>
            </div>
            {target === "new" ? (
              <div className="grid gap-2">
                <Label htmlFor="snapshot-name">{t("groupName")}</Label>
                <Input id="snapshot-name" value={name} maxLength={100} autoComplete="off" onChange={(e) => setName(e.target.value)} />
              </div>
            ) : groups ? (
              <div className="grid gap-2">
                <Label htmlFor="snapshot-group">{t("group")}</Label>
                <NativeSelect id="snapshot-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                  <option value="">{t("choose")}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            ) : (
              <div className="grid gap-2">
                <Label htmlFor="snapshot-group">{t("groupId")}</Label>
                <Input id="snapshot-group" type="number" min={1} value={groupId} onChange={(e) => setGroupId(e.target.value)} />
              </div>
            )}
            {error && (
              <p role="alert" className="text-sm text-destructive">
                {error}
              </p>
            )}
          </form>
        )}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            {t("close")}
          </Button>
          {!done && (
            <Button type="submit" form="snapshot-form" disabled={snapshot.isPending}>
              {snapshot.isPending ? t("writing") : t("submit")}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
