"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { departmentKeys } from "@/lib/departments/query-keys";
import type { CreateDepartmentInput, Department } from "@/lib/departments/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

export interface DepartmentList {
  items: Department[];
}

export function useDepartments(initialData?: DepartmentList) {
  return useQuery({
    queryKey: departmentKeys.list(),
    queryFn: () => fetchJson<DepartmentList>("/api/departments"),
    initialData,
  });
}

/** Creates a department, or renames one when `id` is given. */
export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CreateDepartmentInput & { id?: number }) =>
      id === undefined
        ? fetchJson<Department>("/api/departments", { method: "POST", body })
        : fetchJson<Department>(`/api/departments/${id}`, { method: "PATCH", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useDeleteDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number }>(`/api/departments/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}
