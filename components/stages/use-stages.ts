"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { eventTypeKeys } from "@/lib/event-types/query-keys";
import { fetchJson } from "@/lib/http/fetch-json";
import { stageKeys } from "@/lib/stages/query-keys";
import type { CreateStageInput, Stage, StageWithUsage, UpdateStageInput } from "@/lib/stages/schemas";

export function useStages(initialData?: Stage[]) {
  return useQuery({
    queryKey: stageKeys.list(),
    queryFn: () => fetchJson<Stage[]>("/api/stages"),
    initialData,
  });
}

/** The settings list: each stage with how many event types and customers use it. */
export function useStagesWithUsage(initialData?: StageWithUsage[]) {
  return useQuery({
    queryKey: stageKeys.withUsage(),
    queryFn: () => fetchJson<StageWithUsage[]>("/api/stages"),
    initialData,
  });
}

export function useCreateStage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStageInput) => fetchJson<Stage>("/api/stages", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: stageKeys.all }),
  });
}

export function useUpdateStage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateStageInput & { id: number }) =>
      fetchJson<Stage>(`/api/stages/${id}`, { method: "PATCH", body: patch }),
    // event types show their stage's name
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: stageKeys.all }), qc.invalidateQueries({ queryKey: eventTypeKeys.all })]),
  });
}

/** Answers 409 while an event type or a customer uses the stage. */
export function useDeleteStage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number; deleted: true }>(`/api/stages/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: stageKeys.all }),
  });
}
