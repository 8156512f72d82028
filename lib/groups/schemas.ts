import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/**
 * Groups (客户群组): static sets of customers. One set of schemas for the service, the console's
 * forms and — through the lists and groups dialects' wire schemas — the public API.
 * The domain says *group*; the dialects keep their vendors' words (list, customer group) at the edge.
 */

/** Seed 001: 最长 255 个字符; the groups dialect shares the records, so the same limit. */
export const GROUP_NAME_MAX = 255;
/** A customer name as the groups dialect addresses it (the customers' own limit is the same). */
export const CUSTOMER_NAME_MAX = 255;
/** The most members one call may add (seed 001's listMembersBatch and the console's bulk add). */
export const MAX_BATCH = 10_000;
/** The most rows one page of members may hold (seed 001: 不得超过1万). */
export const MAX_MEMBER_PAGE = 10_000;
/** The most groups one page may hold (seed 004: 最大1000). */
export const MAX_GROUP_PAGE = 1000;
/** The longest range `membersJoinedPerDay` answers, in days. */
export const MAX_DAY_RANGE = 366;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string both databases can store: no NUL character, no lone UTF-16 surrogate. */
export function storableText(max: number, what = "a string") {
  return z
    .string({ error: expected(what) })
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes("\u0000"), "must not contain a NUL character")
    .refine((s) => !LONE_SURROGATE.test(s), "must not contain a lone UTF-16 surrogate");
}

export const groupNameSchema = storableText(GROUP_NAME_MAX)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "must not be empty")
  .describe("Group name, at most 255 characters; leading and trailing spaces are dropped");

export const customerNameSchema = storableText(CUSTOMER_NAME_MAX)
  .refine((s) => s.trim().length > 0, "must not be empty")
  .describe("A customer's exact name (客户名)");

export const createGroupSchema = z.object({
  name: groupNameSchema,
  description: storableText(1000).trim().optional().nullable().describe("What the group is for"),
});
export type CreateGroupInput = z.input<typeof createGroupSchema>;

export const updateGroupSchema = createGroupSchema.partial();
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;

/** A positive database id (Int today, BigInt-ready: always a safe integer on the wire). */
export const idSchema = z.coerce
  .number({ error: expected("a positive integer") })
  .int("must be an integer")
  .positive("must be a positive integer")
  .max(Number.MAX_SAFE_INTEGER, "is too large");

export type SortOrder = "asc" | "desc";

/** Sort keys of a groups page (the console's table and the dialects). */
export const GROUP_SORTS = ["id", "name", "createdAt", "updatedAt"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

/** A filter on group names; every given part must hold. `like` uses SQL wildcards: `%` any run, `_` one character, `\` escapes. */
export interface GroupNameFilter {
  eq?: string;
  like?: string;
  in?: string[];
  /** the console's search box: the name contains this, case as given */
  contains?: string;
}

export interface GroupListQuery {
  name?: GroupNameFilter;
  sort?: { field: GroupSort; order: SortOrder }[];
  offset?: number;
  limit?: number;
  /** also count each group's members (the console's table) */
  withMemberCounts?: boolean;
}

/** Sort keys of a members page. `joinedAt` is the console's; the lists dialect knows id, listId, customerId. */
export const MEMBER_SORTS = ["id", "groupId", "customerId", "joinedAt"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MemberPageQuery {
  groupId?: number;
  customerId?: number;
  /** the customer's name contains this (the console's search box) */
  search?: string;
  sort?: MemberSort;
  order?: SortOrder;
  /**
   * Keyset position. `value` alone is the seed's `sinceId`: a strict bound on the sort field
   * (above it ascending, below it descending). With `id` too, the position is (value, id) and a
   * walk never skips rows that tie on the sort field (the console's cursor).
   */
  after?: { value: number | Date; id?: number };
  limit?: number;
}

/** A half-open range of join instants: from ≤ joinedAt < to. Either end may be open. */
export interface JoinRange {
  from?: Date;
  to?: Date;
}
