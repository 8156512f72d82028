"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiKeyKeys } from "@/lib/access/query-keys";
import type { ApiKeyListDto, CreatedApiKeyDto } from "@/lib/access/serializers";
import type { Scope } from "@/lib/access/scopes";
import { fetchJson } from "@/lib/http/fetch-json";

export function useApiKeys(initialData?: ApiKeyListDto) {
  return useQuery({
    queryKey: apiKeyKeys.list(),
    queryFn: () => fetchJson<ApiKeyListDto>("/api/api-keys"),
    initialData,
  });
}

export interface NewApiKey {
  name: string;
  scopes: Scope[];
  /** ISO instant */
  expiresAt?: string | null;
  ratePerSecond?: number;
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKey) => fetchJson<CreatedApiKeyDto>("/api/api-keys", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number }>(`/api/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
