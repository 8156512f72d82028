"use client";

import { Tags, X } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { cn } from "@/lib/utils";
import { AddToGroupButton } from "./group-picker";
import { useCustomerGroups, useRemoveMembers } from "./use-groups";

/** The customer page's groups: which groups the customer is in and since when; a writer adds or removes. */
export function CustomerGroupsCard({ customerId, canWrite, className }: { customerId: number; canWrite: boolean; className?: string }) {
  const t = useTranslations("groups.customer");
  const dates = useDates();
  const { errorText, toastError } = useErrorText();
  const memberships = useCustomerGroups(customerId);
  const { mutateAsync: remove } = useRemoveMembers();
  const memberOf = useMemo(() => new Set((memberships.data ?? []).map((m) => m.group.id)), [memberships.data]);

  return (
    <Card className={cn("mt-6", className)} data-testid="customer-groups">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle className="flex items-center gap-2">
          <Tags className="size-4 text-muted-foreground" /> {t("title")}
        </CardTitle>
        {canWrite && <AddToGroupButton customerIds={[customerId]} memberOf={memberOf} />}
      </CardHeader>
      <CardContent>
        {memberships.isPending ? (
          <Skeleton className="h-8 w-full" />
        ) : memberships.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {errorText(memberships.error)}
          </p>
        ) : memberships.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {memberships.data.map((m) => (
              <li key={m.group.id} className="flex items-center gap-1 rounded-md border px-2 py-1 text-sm">
                <Link href={`/groups/${m.group.id}`} className="font-medium hover:underline">
                  {m.group.name}
                </Link>
                <span className="text-xs text-muted-foreground">{t("joined", { date: dates.date(m.joinedAt) })}</span>
                {canWrite && (
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    className="size-6"
                    aria-label={t("remove", { name: m.group.name })}
                    onClick={() =>
                      remove({ groupId: m.group.id, customerIds: [customerId] }).then(
                        () => toast.success(t("removed", { name: m.group.name })),
                        toastError,
                      )
                    }
                  >
                    <X />
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
