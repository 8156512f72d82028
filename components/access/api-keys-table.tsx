"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Ban, KeyRound } from "lucide-react";
import { useMemo } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast, toastError } from "@/components/ui/toast";
import { Hint } from "@/components/ui/tooltip";
import type { ApiKeyDto, ApiKeyListDto, ApiKeyStatus } from "@/lib/access/serializers";
import { SCOPE_LABELS } from "@/lib/access/scopes";
import { formatDateTime } from "@/lib/format";
import { useApiKeys, useRevokeApiKey } from "./use-api-keys";

const STATUS: Record<ApiKeyStatus, { label: string; variant: "success" | "muted" | "warning" }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "warning" },
  revoked: { label: "Revoked", variant: "muted" },
};

export function ApiKeysTable({ initialData, timeZone }: { initialData: ApiKeyListDto; timeZone: string }) {
  const keys = useApiKeys(initialData);
  // the stable mutateAsync, not the mutation object: columns rebuilt on every state change would
  // remount the cells and close a confirmation the server refused
  const { mutateAsync: revokeKey } = useRevokeApiKey();

  const columns = useMemo<ColumnDef<ApiKeyDto>[]>(
    () => [
      {
        accessorKey: "name",
        header: "Name",
        cell: ({ row: { original: k } }) => (
          <div className="grid">
            <span className="font-medium">{k.name}</span>
            {k.createdBy && <span className="text-xs whitespace-nowrap text-muted-foreground">by {k.createdBy.name}</span>}
          </div>
        ),
      },
      {
        accessorKey: "appKey",
        header: "App key",
        enableSorting: false,
        cell: ({ row: { original: k } }) => (
          <span className="flex items-center gap-0.5">
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs whitespace-nowrap">{k.appKey}</code>
            <CopyButton value={k.appKey} label="Copy app key" className="size-7" />
          </span>
        ),
      },
      {
        id: "scopes",
        header: "Scopes",
        enableSorting: false,
        cell: ({ row: { original: k } }) => (
          <div className="flex max-w-72 flex-wrap gap-1">
            {k.scopes.map((s) => (
              <Hint key={s} label={SCOPE_LABELS[s]}>
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
        header: "Rate",
        cell: ({ row: { original: k } }) => (
          <span className="text-xs whitespace-nowrap tabular-nums">
            {k.ratePerSecond}/s <span className="text-muted-foreground">· burst {k.burst}</span>
          </span>
        ),
      },
      {
        accessorKey: "createdAt",
        header: "Created",
        cell: ({ row: { original: k } }) => <span className="text-xs whitespace-nowrap tabular-nums">{formatDateTime(k.createdAt, timeZone)}</span>,
      },
      {
        accessorKey: "lastUsedAt",
        header: "Last used",
        sortUndefined: "last",
        cell: ({ row: { original: k } }) => (
          <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">{formatDateTime(k.lastUsedAt, timeZone, "Never")}</span>
        ),
      },
      {
        accessorKey: "status",
        header: "Status",
        cell: ({ row: { original: k } }) => {
          const s = STATUS[k.status];
          const when =
            k.status === "revoked"
              ? `Revoked ${formatDateTime(k.revokedAt, timeZone)}`
              : k.expiresAt
                ? `${k.status === "expired" ? "Expired" : "Expires"} ${formatDateTime(k.expiresAt, timeZone)}`
                : "Does not expire";
          return (
            <div className="grid gap-0.5">
              <Badge variant={s.variant}>{s.label}</Badge>
              <span className="text-[11px] whitespace-nowrap text-muted-foreground">{when}</span>
            </div>
          );
        },
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        meta: { className: "w-px text-right" },
        cell: ({ row: { original: k } }) =>
          k.status === "revoked" ? null : (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
                  <Ban /> Revoke
                </Button>
              }
              title={`Revoke “${k.name}”?`}
              description={`Calls signed with ${k.appKey} will be refused at once and its access tokens dropped. This cannot be undone; the integration will need a new key.`}
              confirmLabel="Revoke key"
              destructive
              onConfirm={() =>
                revokeKey(k.id).then(
                  () => toast.success(`“${k.name}” is revoked`),
                  (e: unknown) => {
                    toastError(e);
                    throw e;
                  },
                )
              }
            />
          ),
      },
    ],
    [timeZone, revokeKey],
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
          title="No API keys yet"
          description="Create a key for each system that calls the public APIs (/openapi/…)."
          className="border-0 py-6"
        />
      }
    />
  );
}
