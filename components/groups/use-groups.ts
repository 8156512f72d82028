"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/query-keys";
import { groupKeys, type DayRange, type GroupListQueryParams, type MemberListQuery } from "@/lib/groups/console";
import type { GroupPage, MemberPage } from "@/lib/groups/console-service";
import type { Resolution } from "@/lib/groups/identifiers";
import type { GroupDto } from "@/lib/groups/serializers";
import { fetchJson } from "@/lib/http/fetch-json";

/** The console's group calls (app/api/groups/**) as react-query hooks. */

export type { GroupPage, MemberPage };
export type GroupWithCount = GroupDto & { memberCount: number };
export interface Membership {
  group: GroupDto;
  joinedAt: string;
}
export interface Joined {
  days: { day: string; count: number }[];
  count: number;
}

const qs = (query: object) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
};

export function useGroupList(query: GroupListQueryParams, initial?: { query: GroupListQueryParams; data: GroupPage }) {
  const same = initial !== undefined && JSON.stringify(initial.query) === JSON.stringify(query);
  return useQuery({
    queryKey: groupKeys.list(query),
    queryFn: () => fetchJson<GroupPage>(`/api/groups${qs(query)}`),
    initialData: same ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}

/** Groups whose name contains `q`, for pickers. */
export function useGroupSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: groupKeys.list({ picker: q }),
    queryFn: () => fetchJson<GroupPage>(`/api/groups${qs({ q, sort: "name", order: "asc", pageSize: 20 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => fetchJson<GroupDto>("/api/groups", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}

export function useRenameGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: number; name: string }) => fetchJson<GroupDto>(`/api/groups/${id}`, { method: "PATCH", body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

/** 409 group_not_empty while members remain, unless removeMembers. */
export function useDeleteGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, removeMembers }: { id: number; removeMembers: boolean }) =>
      fetchJson<{ id: number; deleted: true; removedMembers: number }>(`/api/groups/${id}${removeMembers ? "?removeMembers=true" : ""}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

/** A group by id; none asked while `id` is undefined. A group gone (or never this tenant's) is an ApiError of status 404. */
export function useGroup(id: number | undefined, initialData?: GroupWithCount) {
  return useQuery({
    queryKey: groupKeys.detail(id ?? 0),
    queryFn: () => fetchJson<GroupWithCount>(`/api/groups/${id}`),
    initialData,
    enabled: id !== undefined,
  });
}

export function useMembers(groupId: number, query: MemberListQuery, initial?: { query: MemberListQuery; data: MemberPage }) {
  const same = initial !== undefined && JSON.stringify(initial.query) === JSON.stringify(query);
  return useQuery({
    queryKey: groupKeys.memberPage(groupId, query),
    queryFn: () => fetchJson<MemberPage>(`/api/groups/${groupId}/members${qs(query)}`),
    initialData: same ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}

export function useJoined(groupId: number, range: DayRange, initialData?: Joined) {
  return useQuery({
    queryKey: groupKeys.joined(groupId, range),
    queryFn: () => fetchJson<Joined>(`/api/groups/${groupId}/joined${qs(range)}`),
    initialData,
    placeholderData: keepPreviousData,
  });
}

/** After members change: the group (its count), its pages and chart, the lists' counts, customers' group cards. */
function useMembersChanged() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: groupKeys.all }), qc.invalidateQueries({ queryKey: customerKeys.all })]);
}

/** Adds customers to a group, all or none (POST /api/groups/[id]/members). */
export function useAddMembers() {
  const changed = useMembersChanged();
  return useMutation({
    mutationFn: ({ groupId, customerIds }: { groupId: number; customerIds: number[] }) =>
      fetchJson<{ groupId: number; members: number }>(`/api/groups/${groupId}/members`, { method: "POST", body: { customerIds } }),
    onSuccess: changed,
  });
}

export function useRemoveMembers() {
  const changed = useMembersChanged();
  return useMutation({
    mutationFn: ({ groupId, customerIds }: { groupId: number; customerIds: number[] }) =>
      fetchJson<{ groupId: number; removed: number }>(`/api/groups/${groupId}/members`, { method: "DELETE", body: { customerIds } }),
    onSuccess: changed,
  });
}

/** The batch add's dry run: nothing is written. */
export function usePreviewRows() {
  return useMutation({
    mutationFn: ({ groupId, rows }: { groupId: number; rows: string[] }) =>
      fetchJson<Resolution>(`/api/groups/${groupId}/members/preview`, { method: "POST", body: { rows } }),
  });
}

export function useCustomerGroups(customerId: number, initialData?: Membership[]) {
  return useQuery({
    queryKey: groupKeys.ofCustomer(customerId),
    queryFn: () => fetchJson<Membership[]>(`/api/groups/memberships?customerId=${customerId}`),
    initialData,
  });
}
