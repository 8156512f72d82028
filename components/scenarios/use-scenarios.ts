"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateCustomEventInput, DataField } from "@/lib/custom-events/schemas";
import type { CustomEventView } from "@/lib/custom-events/service";
import type { EventType } from "@/lib/event-types/schemas";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ScenarioDocumentInput } from "@/lib/scenarios/document";
import { scenarioKeys } from "@/lib/scenarios/query-keys";
import type { CustomerRunSummary } from "@/lib/scenarios/customer-runs";
import type { RunsPage, RunView, ScenarioListItem, ScenarioView } from "@/lib/scenarios/service";
import type { Stage } from "@/lib/stages/schemas";

/** What the console routes answer, once JSON: dates are ISO strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
export type ScenarioItem = Json<ScenarioListItem>;
export type Scenario = Json<ScenarioView>;
export type Run = Json<RunView>;
export type Runs = Json<RunsPage>;
export type CustomerRuns = Json<CustomerRunSummary>;
export type CustomEvent = Json<CustomEventView>;
export interface SegmentOption {
  id: number;
  name: string;
  count: number | null;
}

/** Runs move on their own (the worker): the pages that show them poll while open. */
const LIVE_MS = 3000;

export function useScenarios() {
  return useQuery({ queryKey: scenarioKeys.list(), queryFn: () => fetchJson<ScenarioItem[]>("/api/scenarios"), refetchInterval: LIVE_MS * 5 });
}

export function useScenario(id: number | undefined, initial?: Scenario) {
  return useQuery({
    queryKey: scenarioKeys.detail(id ?? 0),
    queryFn: () => fetchJson<Scenario>(`/api/scenarios/${id}`),
    enabled: id !== undefined,
    initialData: initial,
  });
}

export function useSaveScenario() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, document }: { id?: number; document: ScenarioDocumentInput }) =>
      id === undefined
        ? fetchJson<Scenario>("/api/scenarios", { method: "POST", body: document })
        : fetchJson<Scenario>(`/api/scenarios/${id}`, { method: "PUT", body: document }),
    onSuccess: (saved) => {
      qc.setQueryData(scenarioKeys.detail(saved.id), saved);
      return qc.invalidateQueries({ queryKey: scenarioKeys.list() });
    },
  });
}

export function useScenarioStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: "activate" | "pause" | "resume" }) => fetchJson<Scenario>(`/api/scenarios/${id}/${action}`, { method: "POST" }),
    onSuccess: (saved) => {
      qc.setQueryData(scenarioKeys.detail(saved.id), saved);
      return qc.invalidateQueries({ queryKey: scenarioKeys.list() });
    },
  });
}

export function useRuns(id: number, page: number) {
  return useQuery({
    queryKey: scenarioKeys.runs(id, page),
    queryFn: () => fetchJson<Runs>(`/api/scenarios/${id}/runs?page=${page}&pageSize=20`),
    placeholderData: (previous) => previous,
    refetchInterval: LIVE_MS,
  });
}

export function useWaiting(id: number | undefined) {
  return useQuery({
    queryKey: scenarioKeys.waiting(id ?? 0),
    queryFn: () => fetchJson<{ stepId: string; waiting: number }[]>(`/api/scenarios/${id}/waiting`),
    enabled: id !== undefined,
    refetchInterval: LIVE_MS,
  });
}

export function useRunAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, action }: { runId: number; action: "retry" | "cancel" }) => fetchJson<Run>(`/api/scenarios/runs/${runId}/${action}`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scenarioKeys.all }),
  });
}

/** The customer's runs under way or failed, and the marker that moves with any of their runs (lib/scenarios/customer-runs.ts). */
export function useCustomerRuns(customerId: number) {
  return useQuery({
    queryKey: scenarioKeys.customerRuns(customerId),
    queryFn: () => fetchJson<CustomerRuns>(`/api/scenarios/customers/${customerId}/runs`),
    refetchInterval: LIVE_MS,
  });
}

/** One run with its step log (the run history's "this run"). */
export function useRun(runId: number | undefined) {
  return useQuery({
    queryKey: scenarioKeys.run(runId ?? 0),
    queryFn: () => fetchJson<Run>(`/api/scenarios/runs/${runId}`),
    enabled: runId !== undefined,
    refetchInterval: LIVE_MS,
  });
}

export function useCustomEvents() {
  return useQuery({ queryKey: scenarioKeys.customEvents(), queryFn: () => fetchJson<CustomEvent[]>("/api/custom-events") });
}

export function useCreateCustomEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCustomEventInput) => fetchJson<CustomEvent>("/api/custom-events", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scenarioKeys.customEvents() }),
  });
}

export function useArchiveCustomEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<CustomEvent>(`/api/custom-events/${id}/archive`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scenarioKeys.customEvents() }),
  });
}

/** {customEventId, dataFields?} with segments, or with one customer identifier (customerId, customerEmail, …). */
export type FireInput = { customEventId: number; dataFields?: DataField[]; segments?: number[] } & Partial<Record<"customerId" | "customerEmail" | "customerPhone" | "customerCrmId" | "customerEmailMd5" | "customerEmailSha256", string | number>>;

export function useFireCustomEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: FireInput) => fetchJson<{ runs?: number; fanOutId?: number }>("/api/custom-events/fire", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scenarioKeys.all }),
  });
}

/** The pickers' reference data: event types (with attributes), stages, segments (with counts). */
export function useFlowEventTypes() {
  return useQuery({ queryKey: ["event-types", "list", {}], queryFn: () => fetchJson<EventType[]>("/api/event-types"), staleTime: 60_000 });
}

export function useStageOptions() {
  return useQuery({ queryKey: ["stages", "options"], queryFn: () => fetchJson<Stage[]>("/api/stages"), staleTime: 60_000 });
}

export function useSegmentOptions(enabled = true) {
  return useQuery({ queryKey: ["segments", "options"], queryFn: () => fetchJson<SegmentOption[]>("/api/segments"), enabled, staleTime: 30_000 });
}
