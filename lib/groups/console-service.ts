import Papa from "papaparse";
import { fail } from "@/lib/errors";
import type { GroupListQueryParams, MemberListQuery } from "./console";
import { findPhonesOf } from "./repository";
import { decodeMemberCursor, encodeMemberCursor, serializeGroup, serializeMember, type GroupDto, type MemberDto } from "./serializers";
import { countMembers, getGroup, listGroups, memberExportPages, pageMembers } from "./service";

/**
 * What the console's group pages and routes read, composed from the group service: the same
 * answers for the server's first paint and for react-query's later fetches.
 */

export interface GroupPage {
  items: GroupDto[];
  total: number;
  page: number;
  pageSize: number;
}

export async function groupPageForConsole(tenantId: number, q: GroupListQueryParams): Promise<GroupPage> {
  const { total, items } = await listGroups(tenantId, {
    name: q.q ? { contains: q.q } : undefined,
    sort: [{ field: q.sort, order: q.order }],
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
    withMemberCounts: true,
  });
  return { items: items.map(serializeGroup), total, page: q.page, pageSize: q.pageSize };
}

/** One group with its member count. */
export async function groupForConsole(tenantId: number, id: number): Promise<GroupDto & { memberCount: number }> {
  const group = await getGroup(tenantId, id);
  return { ...serializeGroup(group), memberCount: await countMembers(tenantId, id) };
}

export type MemberRowDto = MemberDto & { customerName: string; phones: string[] };

export interface MemberPage {
  items: MemberRowDto[];
  /** the cursor of the next page; absent on the last */
  next?: string;
}

/** A keyset page of a group's members, with names and phone numbers. */
export async function memberPageForConsole(tenantId: number, groupId: number, q: MemberListQuery): Promise<MemberPage> {
  const after = q.after ? decodeMemberCursor(q.after, q.sort) : undefined;
  if (after === null) throw fail("cursor_invalid", "the page cursor is not valid", { path: "after" });
  const { items, next } = await pageMembers(tenantId, { groupId, search: q.search || undefined, sort: q.sort, order: q.order, after, limit: q.limit });
  const phones = await findPhonesOf(items.map((m) => m.customerId));
  return {
    items: items.map((m) => ({ ...serializeMember(m), customerName: m.customer.name, phones: phones.get(m.customerId) ?? [] })),
    ...(next ? { next: encodeMemberCursor(next) } : {}),
  };
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is kept as text. */
const asText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/**
 * The members of a group as CSV, streamed page by page (UTF-8 with a BOM so that Excel reads
 * Chinese names): customerId, name, phones (`;`-separated), joinedAt (ISO, UTC).
 */
export async function memberCsvStream(tenantId: number, groupId: number): Promise<ReadableStream<Uint8Array>> {
  await getGroup(tenantId, groupId);
  const pages = memberExportPages(tenantId, groupId);
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + Papa.unparse([["customerId", "name", "phones", "joinedAt"]]) + "\r\n"));
        return;
      }
      try {
        const { value, done } = await pages.next();
        if (done) return controller.close();
        const rows = value.map((m) => [String(m.customerId), asText(m.name), m.phones.join(";"), m.joinedAt.toISOString()]);
        controller.enqueue(encoder.encode(Papa.unparse(rows) + "\r\n"));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
