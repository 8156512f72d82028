"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { UserCheck, UserX } from "lucide-react";
import { useMemo } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast, toastError } from "@/components/ui/toast";
import { Hint } from "@/components/ui/tooltip";
import { formatDate } from "@/lib/format";
import { ROLES } from "@/lib/users/schemas";
import type { UserDto, UserListDto } from "@/lib/users/serializers";
import { useUpdateUser, useUsers } from "./use-users";

interface UsersTableProps {
  initialData: UserListDto;
  /** the signed-in admin, who may not demote or disable themself */
  currentUserId: number;
  timeZone: string;
}

export function UsersTable({ initialData, currentUserId, timeZone }: UsersTableProps) {
  const users = useUsers(initialData);
  // the stable mutate functions, not the mutation object: columns rebuilt on every state change would
  // remount the cells and close a confirmation the server refused
  const { mutate: updateUser, mutateAsync: updateUserAsync } = useUpdateUser();

  const columns = useMemo<ColumnDef<UserDto>[]>(
    () => [
      {
        id: "user",
        accessorFn: (u) => u.name.toLowerCase(),
        header: "User",
        cell: ({ row: { original: u } }) => (
          <div className="grid min-w-0">
            <span className="truncate font-medium">
              {u.name}
              {u.id === currentUserId && <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span>}
            </span>
            <span className="truncate text-xs text-muted-foreground">{u.email}</span>
          </div>
        ),
      },
      {
        accessorKey: "role",
        header: "Role",
        meta: { className: "w-36" },
        cell: ({ row: { original: u } }) => {
          const self = u.id === currentUserId;
          const select = (
            <Select
              value={u.role}
              disabled={self || u.status === "disabled"}
              onValueChange={(role) =>
                updateUser(
                  { id: u.id, role },
                  { onSuccess: () => toast.success(`${u.name} is now ${role === "admin" ? "an" : "a"} ${role}`), onError: (e) => toastError(e) },
                )
              }
            >
              <SelectTrigger size="sm" aria-label={`Role of ${u.name}`} className="w-32 capitalize">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {ROLES.map((r) => (
                  <SelectItem key={r} value={r} className="capitalize">
                    {r}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          );
          return self ? (
            <Hint label="You cannot change your own role">
              <span className="inline-block">{select}</span>
            </Hint>
          ) : (
            select
          );
        },
      },
      {
        accessorKey: "loginNo",
        header: "Login no.",
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue<string>()}</span>,
      },
      {
        id: "department",
        accessorFn: (u) => u.department?.name ?? "",
        header: "Department",
        cell: ({ row: { original: u } }) => u.department?.name ?? <span className="text-muted-foreground">—</span>,
      },
      {
        accessorKey: "status",
        header: "Status",
        cell: ({ row: { original: u } }) =>
          u.status === "active" ? <Badge variant="success">Active</Badge> : <Badge variant="muted">Disabled</Badge>,
      },
      {
        accessorKey: "createdAt",
        header: "Created",
        cell: ({ row: { original: u } }) => <span className="text-muted-foreground tabular-nums">{formatDate(u.createdAt, timeZone)}</span>,
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        meta: { className: "w-px text-right" },
        cell: ({ row: { original: u } }) => {
          if (u.id === currentUserId) return null;
          const disabling = u.status === "active";
          return (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className={disabling ? "text-destructive hover:text-destructive" : undefined}>
                  {disabling ? <UserX /> : <UserCheck />}
                  {disabling ? "Disable" : "Enable"}
                </Button>
              }
              title={disabling ? `Disable ${u.name}?` : `Enable ${u.name}?`}
              description={
                disabling
                  ? `${u.email} will be signed out at their next request and cannot sign in until re-enabled. Their customers and history stay.`
                  : `${u.email} will be able to sign in again with their current password.`
              }
              confirmLabel={disabling ? "Disable" : "Enable"}
              destructive={disabling}
              onConfirm={() =>
                updateUserAsync({ id: u.id, disabled: disabling }).then(
                  () => toast.success(disabling ? `${u.name} is disabled` : `${u.name} is enabled`),
                  (e: unknown) => {
                    toastError(e);
                    throw e;
                  },
                )
              }
            />
          );
        },
      },
    ],
    [currentUserId, timeZone, updateUser, updateUserAsync],
  );

  return (
    <DataTable
      columns={columns}
      data={users.data?.items ?? []}
      getRowId={(u) => String(u.id)}
      isLoading={users.isPending}
      isFetching={users.isFetching}
      empty={<EmptyState title="No users yet" description="Create the first one with “New user”." className="border-0 py-6" />}
    />
  );
}
