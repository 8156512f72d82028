"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { eventCategoryKeys } from "@/lib/event-categories/query-keys";
import type { CreateEventCategoryInput, EventCategory, UpdateEventCategoryInput } from "@/lib/event-categories/schemas";
import { eventTypeKeys } from "@/lib/event-types/query-keys";
import { fetchJson } from "@/lib/http/fetch-json";

export function useEventCategories(initialData?: EventCategory[]) {
  return useQuery({
    queryKey: eventCategoryKeys.list(),
    queryFn: () => fetchJson<EventCategory[]>("/api/event-categories"),
    initialData,
  });
}

export function useCreateEventCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventCategoryInput) => fetchJson<EventCategory>("/api/event-categories", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventCategoryKeys.all }),
  });
}

export function useUpdateEventCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateEventCategoryInput & { id: number }) =>
      fetchJson<EventCategory>(`/api/event-categories/${id}`, { method: "PATCH", body: patch }),
    // event types show their category's code and name
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: eventCategoryKeys.all }), qc.invalidateQueries({ queryKey: eventTypeKeys.all })]),
  });
}

/** Its event types become ungrouped. */
export function useDeleteEventCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson<{ id: number; deleted: true; ungroupedEventTypes: number }>(`/api/event-categories/${id}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: eventCategoryKeys.all }), qc.invalidateQueries({ queryKey: eventTypeKeys.all })]),
  });
}
