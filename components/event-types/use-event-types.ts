"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { eventTypeKeys } from "@/lib/event-types/query-keys";
import type { CreateEventTypeInput, EventType, ListEventTypesQuery, UpdateEventTypeInput } from "@/lib/event-types/schemas";

function listUrl(query: ListEventTypesQuery): string {
  const qs = new URLSearchParams();
  if (query.search) qs.set("search", query.search);
  if (query.includeArchived) qs.set("includeArchived", "true");
  const s = qs.toString();
  return s ? `/api/event-types?${s}` : "/api/event-types";
}

export function useEventTypes(query: ListEventTypesQuery) {
  return useQuery({
    queryKey: eventTypeKeys.list(query),
    queryFn: () => fetchJson<EventType[]>(listUrl(query)),
    // keep the rows while the next search loads: the table dims instead of flashing skeletons
    placeholderData: (previous) => previous,
  });
}

export function useCreateEventType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventTypeInput) => fetchJson<EventType>("/api/event-types", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventTypeKeys.all }),
  });
}

export function useUpdateEventType(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateEventTypeInput) => fetchJson<EventType>(`/api/event-types/${id}`, { method: "PATCH", body: patch }),
    onSuccess: (updated) => {
      qc.setQueryData(eventTypeKeys.detail(id), updated);
      return qc.invalidateQueries({ queryKey: eventTypeKeys.all });
    },
  });
}

/** Delete = archive (the type leaves lists and refuses new events); restore undoes it. */
export function useArchiveEventType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<EventType>(`/api/event-types/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventTypeKeys.all }),
  });
}

export function useRestoreEventType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<EventType>(`/api/event-types/${id}/restore`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventTypeKeys.all }),
  });
}
