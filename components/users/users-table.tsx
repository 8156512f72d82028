"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { UserCheck, UserX } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { Hint } from "@/components/ui/tooltip";
import { ROLES } from "@/lib/users/schemas";
import type { UserDto, UserListDto } from "@/lib/users/serializers";
import { EditUserDialog, ResetPasswordDialog, type DepartmentRef } from "./edit-user-dialogs";
import { useUpdateUser, useUsers } from "./use-users";

interface UsersTableProps {
  initialData: UserListDto;
  /** the signed-in admin, who may not demote or deactivate themself */
  currentUserId: number;
  departments: DepartmentRef[];
}

type Role = (typeof ROLES)[number];
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

export function UsersTable({ initialData, currentUserId, departments }: UsersTableProps) {
  const t = useTranslations("users");
  const format = useFormatter();
  const { toastError } = useErrorText();
  const users = useUsers(initialData);
  // the stable mutate functions, not the mutation object: columns rebuilt on every state change would
  // remount the cells and close a confirmation the server refused
  const { mutate: updateUser, mutateAsync: updateUserAsync } = useUpdateUser();

  const columns = useMemo<ColumnDef<UserDto>[]>(() => {
    const roleName = (r: string) => (isRole(r) ? t(`roles.${r}`) : r);
    return [
      {
        id: "user",
        accessorFn: (u) => u.name.toLowerCase(),
        header: t("columns.user"),
        cell: ({ row: { original: u } }) => (
          <div className="grid min-w-0">
            <span className="truncate font-medium">
              {u.name}
              {u.id === currentUserId && <span className="ml-1.5 text-xs font-normal text-muted-foreground">{t("you")}</span>}
            </span>
            <span className="truncate text-xs text-muted-foreground">{u.email}</span>
          </div>
        ),
      },
      {
        accessorKey: "role",
        header: t("columns.role"),
        meta: { className: "w-36" },
        cell: ({ row: { original: u } }) => {
          const self = u.id === currentUserId;
          const select = (
            <Select
              value={u.role}
              disabled={self || u.status === "disabled"}
              onValueChange={(role) =>
                updateUser({ id: u.id, role }, { onSuccess: () => toast.success(t("roleChanged", { name: u.name, role: roleName(role) })), onError: toastError })
              }
            >
              <SelectTrigger size="sm" aria-label={t("roleOf", { name: u.name })} className="w-32">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {ROLES.map((r) => (
                  <SelectItem key={r} value={r}>
                    {roleName(r)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          );
          return self ? (
            <Hint label={t("ownRole")}>
              <span className="inline-block">{select}</span>
            </Hint>
          ) : (
            select
          );
        },
      },
      {
        accessorKey: "loginNo",
        header: t("columns.loginNo"),
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span>,
      },
      {
        id: "department",
        accessorFn: (u) => u.department?.name ?? "",
        header: t("columns.department"),
        cell: ({ row: { original: u } }) => u.department?.name ?? <span className="text-muted-foreground">—</span>,
      },
      {
        accessorKey: "status",
        header: t("columns.status"),
        cell: ({ row: { original: u } }) =>
          u.status === "active" ? <Badge variant="success">{t("active")}</Badge> : <Badge variant="muted">{t("disabled")}</Badge>,
      },
      {
        accessorKey: "createdAt",
        header: t("columns.created"),
        cell: ({ row: { original: u } }) => (
          <span className="text-muted-foreground tabular-nums">{format.dateTime(new Date(u.createdAt), { dateStyle: "medium" })}</span>
        ),
      },
      {
        id: "actions",
        header: () => <span className="sr-only">{t("columns.actions")}</span>,
        enableSorting: false,
        meta: { className: "w-px text-right" },
        cell: ({ row: { original: u } }) => {
          const self = u.id === currentUserId;
          const deactivating = u.status === "active";
          return (
            <div role="group" aria-label={t("actionsOf", { name: u.name })} className="flex justify-end gap-1 whitespace-nowrap">
              <EditUserDialog user={u} departments={departments} self={self} />
              <ResetPasswordDialog user={u} />
              {!self && (
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" className={deactivating ? "text-destructive hover:text-destructive" : undefined}>
                      {deactivating ? <UserX /> : <UserCheck />}
                      {deactivating ? t("status.deactivate") : t("status.reactivate")}
                    </Button>
                  }
                  title={deactivating ? t("status.deactivateTitle", { name: u.name }) : t("status.reactivateTitle", { name: u.name })}
                  description={deactivating ? t("status.deactivateBody", { email: u.email }) : t("status.reactivateBody", { email: u.email })}
                  confirmLabel={deactivating ? t("status.deactivate") : t("status.reactivate")}
                  destructive={deactivating}
                  onConfirm={() =>
                    updateUserAsync({ id: u.id, disabled: deactivating }).then(
                      () => toast.success(deactivating ? t("status.deactivated", { name: u.name }) : t("status.reactivated", { name: u.name })),
                      (e: unknown) => {
                        toastError(e);
                        throw e;
                      },
                    )
                  }
                />
              )}
            </div>
          );
        },
      },
    ];
  }, [t, format, currentUserId, departments, updateUser, updateUserAsync, toastError]);

  return (
    <DataTable
      columns={columns}
      data={users.data?.items ?? []}
      getRowId={(u) => String(u.id)}
      isLoading={users.isPending}
      isFetching={users.isFetching}
      empty={<EmptyState title={t("empty")} description={t("emptyHint")} className="border-0 py-6" />}
    />
  );
}
