"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { optionKeys } from "@/lib/options/query-keys";
import type { CreateOptionInput, OptionItem, OptionLists, UpdateOptionInput } from "@/lib/options/schemas";

export function useOptionLists(initialData?: OptionLists) {
  return useQuery({
    queryKey: optionKeys.lists(),
    queryFn: () => fetchJson<OptionLists>("/api/options"),
    initialData,
  });
}

export function useCreateOption() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOptionInput) => fetchJson<OptionItem>("/api/options", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: optionKeys.all }),
  });
}

export function useUpdateOption() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateOptionInput & { id: number }) =>
      fetchJson<OptionItem>(`/api/options/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: optionKeys.all }),
  });
}

export function useDeleteOption() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number }>(`/api/options/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: optionKeys.all }),
  });
}
