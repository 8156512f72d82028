"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { customFieldKeys } from "@/lib/custom-fields/query-keys";
import { customerKeys } from "@/lib/customers/query-keys";
import type { CustomerPatchInput } from "@/lib/customers/schemas";
import type { CustomerProfile } from "@/lib/customers/serializers";
import { eventTypeKeys } from "@/lib/event-types/query-keys";
import type { EventType } from "@/lib/event-types/schemas";
import type { AddFeedItemInput } from "@/lib/feeds/schemas";
import type { FeedItem } from "@/lib/feeds/serializers";
import { fetchJson } from "@/lib/http/fetch-json";
import { optionKeys } from "@/lib/options/query-keys";
import type { OptionLists } from "@/lib/options/schemas";
import { stageKeys } from "@/lib/stages/query-keys";
import type { Stage } from "@/lib/stages/schemas";

export function useCustomer(id: number, initialData?: CustomerProfile) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => fetchJson<CustomerProfile>(`/api/customers/${id}`),
    initialData,
  });
}

/** Every write on this page changes the profile and/or the timeline: refresh both (and the lists). */
function useInvalidateCustomer(id: number) {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: customerKeys.detail(id) }), qc.invalidateQueries({ queryKey: customerKeys.lists() })]);
}

export function useUpdateCustomer(id: number) {
  const invalidate = useInvalidateCustomer(id);
  return useMutation({
    mutationFn: (patch: CustomerPatchInput) => fetchJson<CustomerProfile>(`/api/customers/${id}`, { method: "PATCH", body: patch }),
    onSuccess: invalidate,
  });
}

export function useAddFeedItem(id: number) {
  const invalidate = useInvalidateCustomer(id);
  return useMutation({
    mutationFn: (input: AddFeedItemInput) => fetchJson<FeedItem>(`/api/customers/${id}/feeds`, { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

/** The body of customer-event/create without the customer (the page names it). */
export interface ConsoleEventInput {
  event: string;
  eventValue?: string;
  happenTime?: string;
  attrValueList?: { attrKey: string; attrValue: string; type?: string }[];
}

export function useRecordEvent(id: number) {
  const invalidate = useInvalidateCustomer(id);
  return useMutation({
    mutationFn: (input: ConsoleEventInput) =>
      fetchJson<{ eventId: number; duplicate: boolean }>(`/api/customers/${id}/events`, { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useEventTypes() {
  return useQuery({ queryKey: eventTypeKeys.list(), queryFn: () => fetchJson<EventType[]>("/api/event-types"), staleTime: 60_000 });
}

export function useOptionLists() {
  return useQuery({ queryKey: optionKeys.lists(), queryFn: () => fetchJson<OptionLists>("/api/options"), staleTime: 60_000 });
}

export function useStages() {
  return useQuery({ queryKey: stageKeys.list(), queryFn: () => fetchJson<Stage[]>("/api/stages"), staleTime: 60_000 });
}

export function useCustomFields() {
  return useQuery({
    queryKey: customFieldKeys.list(),
    queryFn: async () => (await fetchJson<{ items: CustomFieldDefinition[] }>("/api/custom-fields")).items,
    staleTime: 60_000,
  });
}
