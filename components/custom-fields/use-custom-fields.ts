"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { customFieldKeys } from "@/lib/custom-fields/query-keys";
import type { CreateCustomFieldInput, CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

export interface CustomFieldList {
  items: CustomFieldDefinition[];
}

export function useCustomFields(initialData?: CustomFieldList) {
  return useQuery({
    queryKey: customFieldKeys.list(),
    queryFn: () => fetchJson<CustomFieldList>("/api/custom-fields"),
    initialData,
  });
}

/** Creates a definition, or edits one (PATCH) when `id` is given. */
export function useSaveCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CreateCustomFieldInput & { id?: number }) =>
      id === undefined
        ? fetchJson<CustomFieldDefinition>("/api/custom-fields", { method: "POST", body })
        : fetchJson<CustomFieldDefinition>(`/api/custom-fields/${id}`, { method: "PATCH", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}

export function useDeleteCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number }>(`/api/custom-fields/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}
