"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { customerKeys } from "@/lib/customers/query-keys";
import { fetchJson } from "@/lib/http/fetch-json";
import { segmentKeys } from "@/lib/segments/query-keys";
import type { CreateSegmentInput, Rule, SnapshotTarget, UpdateSegmentInput } from "@/lib/segments/schemas";

/** A segment as the console routes answer it (dates as ISO strings). */
export interface Segment {
  id: number;
  name: string;
  description: string | null;
  rules: Rule;
  createdAt: string;
  updatedAt: string;
}
export type SegmentWithCount = Segment & { count: number | null };

export interface PreviewMember {
  id: number;
  custname: string;
  email: string | null;
  crmId: string | null;
  score: number;
}
export interface Preview {
  count: number;
  members: PreviewMember[];
}

export function useSegments() {
  return useQuery({ queryKey: segmentKeys.list(), queryFn: () => fetchJson<SegmentWithCount[]>("/api/segments") });
}

export function useCreateSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSegmentInput) => fetchJson<Segment>("/api/segments", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useUpdateSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateSegmentInput & { id: number }) => fetchJson<Segment>(`/api/segments/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useDuplicateSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<Segment>(`/api/segments/${id}/duplicate`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

/** Refused with segment_in_use (naming the scenarios) while a scenario uses it. */
export function useDeleteSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ id: number }>(`/api/segments/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useSnapshot(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (target: SnapshotTarget) => fetchJson<{ groupId: number; added: number }>(`/api/segments/${id}/snapshot`, { method: "POST", body: target }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["groups"] }),
  });
}

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export const PREVIEW_DELAY_MS = 400;

/**
 * The live count and first members of the rule being edited: asked 400 ms after the last change;
 * a newer rule aborts the request still running for an older one (react-query cancels a query
 * whose key was left when its fetch consumed the signal). The last answer stays while the next loads.
 */
export function useLivePreview(rule: Rule, enabled: boolean) {
  // by its JSON: a new object with the same content is the same question
  const json = useDebounced(JSON.stringify(rule), PREVIEW_DELAY_MS);
  return useQuery({
    queryKey: segmentKeys.preview(json),
    queryFn: ({ signal }) => fetchJson<Preview>("/api/segments/preview", { method: "POST", body: `{"rules":${json}}`, signal }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  });
}

/** Under the customer's key: a write on the customer page (an event, a stage) refreshes it too. */
export function useCustomerSegments(customerId: number) {
  return useQuery({
    queryKey: [...customerKeys.detail(customerId), "segments"],
    queryFn: () => fetchJson<{ id: number; name: string }[]>(`/api/customers/${customerId}/segments`),
  });
}
