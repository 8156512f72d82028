import type { GroupRow, MemberRow } from "./repository";

/**
 * Groups and members as the console's JSON routes answer them (ISO instants, ids as JSON numbers:
 * a member id is Number()'d so it stays a number if the column becomes a BigInt).
 */

export interface GroupDto {
  id: number;
  name: string;
  description: string | null;
  memberCount?: number;
  createdAt: string;
  updatedAt: string;
}

export interface MemberDto {
  id: number;
  groupId: number;
  customerId: number;
  customerName?: string;
  joinedAt: string;
}

export function serializeGroup(row: GroupRow & { memberCount?: number }): GroupDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ...(row.memberCount === undefined ? {} : { memberCount: row.memberCount }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function serializeMember(row: MemberRow & { customer?: { name: string } }): MemberDto {
  return {
    id: Number(row.id),
    groupId: row.groupId,
    customerId: row.customerId,
    ...(row.customer ? { customerName: row.customer.name } : {}),
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** A members-page cursor for a URL: `<value>.<id>` (value: an integer or epoch milliseconds). */
export function encodeMemberCursor(next: { value: number | Date; id: number }): string {
  return `${next.value instanceof Date ? next.value.getTime() : next.value}.${next.id}`;
}

export function decodeMemberCursor(cursor: string, sort: "id" | "groupId" | "customerId" | "joinedAt"): { value: number | Date; id: number } | null {
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(cursor);
  if (!m) return null;
  const value = Number(m[1]);
  return { value: sort === "joinedAt" ? new Date(value) : value, id: Number(m[2]) };
}
