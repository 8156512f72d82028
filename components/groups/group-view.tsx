"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DayRange } from "@/lib/groups/console";
import { DeleteGroupDialog, RenameGroupDialog } from "./group-dialogs";
import { JoinedChart } from "./joined-chart";
import { MembersTable } from "./members-table";
import { useGroup, type GroupWithCount, type Joined, type MemberPage } from "./use-groups";

export interface GroupViewProps {
  initial: { group: GroupWithCount; members: MemberPage; range: DayRange; joined: Joined };
  canWrite: boolean;
}

/** The group page below its header (the name, refreshed after a rename): the count (live after every change), members, joins per day. */
export function GroupView({ initial, canWrite }: GroupViewProps) {
  const t = useTranslations("groups.page");
  const tc = useTranslations("common");
  const dates = useDates();
  const router = useRouter();
  const group = useGroup(initial.group.id, initial.group).data ?? initial.group;
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <span className="text-lg font-medium tabular-nums" data-testid="member-count">
            {t("memberCount", { count: group.memberCount })}
          </span>
          <span className="text-sm text-muted-foreground">{t("createdAt", { date: dates.dateTime(group.createdAt) })}</span>
        </div>
        {canWrite && (
          <div className="flex gap-2">
            <RenameGroupDialog
              group={group}
              onRenamed={() => router.refresh()}
              trigger={
                <Button variant="outline">
                  <Pencil /> {tc("rename")}
                </Button>
              }
            />
            <DeleteGroupDialog
              group={group}
              onDeleted={() => router.push("/groups")}
              trigger={
                <Button variant="outline" className="text-destructive hover:text-destructive">
                  <Trash2 /> {tc("delete")}
                </Button>
              }
            />
          </div>
        )}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("members")}</CardTitle>
        </CardHeader>
        <CardContent>
          <MembersTable groupId={group.id} initial={initial.members} canWrite={canWrite} />
        </CardContent>
      </Card>
      <JoinedChart groupId={group.id} initialRange={initial.range} initial={initial.joined} />
    </div>
  );
}
