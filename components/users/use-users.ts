"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { userKeys } from "@/lib/users/query-keys";
import type { CreateUserInput } from "@/lib/users/schemas";
import type { UserDto, UserListDto } from "@/lib/users/serializers";

export function useUsers(initialData?: UserListDto) {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: () => fetchJson<UserListDto>("/api/users"),
    initialData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => fetchJson<UserDto>("/api/users", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export interface UserPatch {
  role?: string;
  disabled?: boolean;
  name?: string;
  loginNo?: string;
  departmentId?: number | null;
  password?: string;
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UserPatch & { id: number }) =>
      fetchJson<UserDto>(`/api/users/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
