import { z } from "zod";
import { createGroupSchema, idSchema, MAX_BATCH, MAX_DAY_RANGE } from "./schemas";

/**
 * The console's group routes: their query and body schemas (also the forms' resolvers) and the
 * react-query keys. The service's own schemas (schemas.ts) stay the single source of names and limits.
 */

export const CONSOLE_GROUP_SORTS = ["name", "createdAt", "updatedAt"] as const;
export type ConsoleGroupSort = (typeof CONSOLE_GROUP_SORTS)[number];

export const groupListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe("Name contains"),
  sort: z.enum(CONSOLE_GROUP_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type GroupListQueryParams = z.output<typeof groupListQuerySchema>;

export { createGroupSchema };
export const renameGroupSchema = createGroupSchema.pick({ name: true });

/** Group and customer ids are 32-bit columns: a larger number names nothing (and PostgreSQL would refuse to compare it). */
const rowId = idSchema.max(2_147_483_647, "is too large");

export const groupIdParamsSchema = z.object({ id: rowId });

export const deleteGroupQuerySchema = z.object({
  removeMembers: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const CONSOLE_MEMBER_SORTS = ["joinedAt", "customerId"] as const;
export type ConsoleMemberSort = (typeof CONSOLE_MEMBER_SORTS)[number];

export const memberListQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  sort: z.enum(CONSOLE_MEMBER_SORTS).default("joinedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  /** the `next` of the previous page (`<value>.<id>`) */
  after: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MemberListQuery = z.output<typeof memberListQuerySchema>;

/** The group page's first members page (server render and the table's first query). */
export const FIRST_MEMBER_QUERY: MemberListQuery = { sort: "joinedAt", order: "desc", limit: 20 };

export const customerIdsBodySchema = z.object({
  customerIds: z.array(rowId).min(1).max(MAX_BATCH),
});

export const previewBodySchema = z.object({
  rows: z.array(z.string().max(255)).min(1).max(MAX_BATCH * 2),
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A range of days, start ≤ end (the date-range form and GET …/joined). ISO days compare as strings. */
export const dayRangeSchema = z
  .object({
    from: z.string().regex(DAY, "yyyy-MM-dd"),
    to: z.string().regex(DAY, "yyyy-MM-dd"),
  })
  .refine((r) => r.from <= r.to, { path: ["to"], message: "range_reversed" })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_DAY_RANGE, { path: ["to"], message: "range_too_long" });
export type DayRange = z.output<typeof dayRangeSchema>;

export const membershipQuerySchema = z.object({ customerId: rowId });

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (query: object) => [...groupKeys.lists(), query] as const,
  detail: (id: number) => [...groupKeys.all, "detail", id] as const,
  members: (id: number) => [...groupKeys.detail(id), "members"] as const,
  memberPage: (id: number, query: object) => [...groupKeys.members(id), query] as const,
  joined: (id: number, range: object) => [...groupKeys.detail(id), "joined", range] as const,
  ofCustomer: (customerId: number) => [...groupKeys.all, "of-customer", customerId] as const,
};
