"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { taskKeys } from "@/lib/tasks/query-keys";
import type { CreateTaskInput, Task } from "@/lib/tasks/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

export interface TaskList {
  items: Task[];
}

export function useTasks(initialData?: TaskList) {
  return useQuery({
    queryKey: taskKeys.list(),
    queryFn: () => fetchJson<TaskList>("/api/tasks"),
    initialData,
  });
}

/** Creates a task, or renames one when `id` is given. */
export function useSaveTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CreateTaskInput & { id?: number }) =>
      id === undefined
        ? fetchJson<Task>("/api/tasks", { method: "POST", body })
        : fetchJson<Task>(`/api/tasks/${id}`, { method: "PATCH", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

export function useDeleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number }>(`/api/tasks/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
