"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Ban, KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { Hint } from "@/components/ui/tooltip";
import type { ApiKeyDto, ApiKeyListDto, ApiKeyStatus } from "@/lib/access/serializers";
import { COMING_SCOPES, scopeKey } from "./scope-names";
import { useApiKeys, useRevokeApiKey } from "./use-api-keys";

const STATUS: Record<ApiKeyStatus, "success" | "muted" | "warning"> = { active: "success", expired: "warning", revoked: "muted" };

/** The tenant's keys; dates in the tenant's time zone (from the i18n provider). */
export function ApiKeysTable({ initialData }: { initialData: ApiKeyListDto }) {
  const t = useTranslations("apiKeys");
  const tc = useTranslations("common");
  const dates = useDates();
  const keys = useApiKeys(initialData);
  // the stable mutateAsync, not the mutation object: columns rebuilt on every state change would
  // remount the cells and close a confirmation the server refused
  const { mutateAsync: revokeKey } = useRevokeApiKey();

  const columns = useMemo<ColumnDef<ApiKeyDto>[]>(
    () => [
      {
        accessorKey: "name",
        header: t("columns.name"),
        cell: ({ row: { original: k } }) => (
          <div className="grid">
            <span className="font-medium">{k.name}</span>
            {k.createdBy && <span className="text-xs whitespace-nowrap text-muted-foreground">{t("createdBy", { name: k.createdBy.name })}</span>}
          </div>
        ),
      },
      {
        accessorKey: "appKey",
        header: t("columns.appKey"),
        enableSorting: false,
        cell: ({ row: { original: k } }) => (
          <span className="flex items-center gap-0.5">
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs whitespace-nowrap">{k.appKey}</code>
            <CopyButton value={k.appKey} label={t("copy", { what: t("appKey") })} className="size-7" />
          </span>
        ),
      },
      {
        id: "scopes",
        header: t("columns.scopes"),
        enableSorting: false,
        cell: ({ row: { original: k } }) => (
          <div className="flex max-w-72 flex-wrap gap-1">
            {k.scopes.map((s) => (
              <Hint key={s} label={COMING_SCOPES.has(s) ? `${t(`scopeNames.${scopeKey(s)}`)} · ${t("coming")}` : t(`scopeNames.${scopeKey(s)}`)}>
                <Badge variant="secondary" className="font-mono text-[11px]">
                  {s}
                </Badge>
              </Hint>
            ))}
          </div>
        ),
      },
      {
        accessorKey: "ratePerSecond",
        header: t("columns.rate"),
        cell: ({ row: { original: k } }) => (
          <span className="text-xs whitespace-nowrap tabular-nums">
            {t("rateValue", { rate: k.ratePerSecond })} <span className="text-muted-foreground">· {t("burst", { burst: k.burst })}</span>
          </span>
        ),
      },
      {
        accessorKey: "createdAt",
        header: t("columns.created"),
        cell: ({ row: { original: k } }) => <span className="text-xs whitespace-nowrap tabular-nums">{dates.dateTime(k.createdAt)}</span>,
      },
      {
        accessorKey: "lastUsedAt",
        header: t("columns.lastUsed"),
        sortUndefined: "last",
        cell: ({ row: { original: k } }) => (
          <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">{dates.dateTime(k.lastUsedAt, t("never"))}</span>
        ),
      },
      {
        accessorKey: "status",
        header: t("columns.status"),
        cell: ({ row: { original: k } }) => {
          const when =
            k.status === "revoked"
              ? t("revokedOn", { date: dates.dateTime(k.revokedAt) })
              : k.expiresAt
                ? t(k.status === "expired" ? "expiredOn" : "expiresOnDate", { date: dates.dateTime(k.expiresAt) })
                : t("noExpiry");
          return (
            <div className="grid gap-0.5">
              <Badge variant={STATUS[k.status]}>{t(`status.${k.status}`)}</Badge>
              <span className="text-[11px] whitespace-nowrap text-muted-foreground">{when}</span>
            </div>
          );
        },
      },
      {
        id: "actions",
        header: () => <span className="sr-only">{tc("actions")}</span>,
        enableSorting: false,
        meta: { className: "w-px text-right" },
        cell: ({ row: { original: k } }) =>
          k.status === "revoked" ? null : (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
                  <Ban /> {t("revoke")}
                </Button>
              }
              title={t("revokeTitle", { name: k.name })}
              description={t("revokeDescription", { appKey: k.appKey })}
              confirmLabel={t("revokeConfirm")}
              destructive
              // a refusal shows inside the confirmation
              onConfirm={() => revokeKey(k.id).then(() => toast.success(t("revoked", { name: k.name })))}
            />
          ),
      },
    ],
    [t, tc, dates, revokeKey],
  );

  return (
    <DataTable
      columns={columns}
      data={keys.data?.items ?? []}
      getRowId={(k) => String(k.id)}
      isLoading={keys.isPending}
      isFetching={keys.isFetching}
      empty={
        <EmptyState
          icon={KeyRound}
          title={t("empty")}
          description={t("emptyHint")}
          className="border-0 py-6"
        />
      }
    />
  );
}
