import { z } from "zod";
import { groupNameSchema, idSchema, MAX_BATCH, MAX_GROUP_PAGE, MAX_MEMBER_PAGE } from "@/lib/groups/schemas";
import type { GroupRow, MemberRow } from "@/lib/groups/repository";

/**
 * The lists dialect's wire (seed 001, DM Hub): lists and list members by id, times as UTC
 * `2017-06-07T12:20:20Z`, ids as JSON numbers. Requests and the OpenAPI document use these schemas.
 */

const int = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).refine((n) => Number.isInteger(n), `must be ${what}`);

const rowsSchema = (max: number, dflt: number) =>
  int("an integer")
    .refine((n) => n >= 1 && n <= max, `must be between 1 and ${max}`)
    .default(dflt)
    .describe(`Rows per page, 1–${max} (default ${dflt})`);

const sordSchema = z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("asc").describe("asc (default) or desc");

export const listIdParamsSchema = z.object({ id: idSchema.describe("The list id") });

export const createListBodySchema = z.object({ name: groupNameSchema.describe("List name (群组名), at most 255 characters; need not be unique") });

export const LIST_SIDX = { id: "id", name: "name", dateCreated: "createdAt", lastUpdated: "updatedAt" } as const;

export const listsQuerySchema = z.object({
  rows: rowsSchema(MAX_GROUP_PAGE, 20),
  page: int("an integer").refine((n) => n >= 1, "must be at least 1").default(1).describe("Page number, from 1"),
  sidx: z
    .enum(Object.keys(LIST_SIDX) as [keyof typeof LIST_SIDX, ...(keyof typeof LIST_SIDX)[]], {
      error: "must be one of id, name, dateCreated, lastUpdated",
    })
    .default("id")
    .describe("Sort field: id (default), name, dateCreated or lastUpdated"),
  sord: sordSchema,
});

const membershipSchema = z.object({
  customerId: idSchema.describe("The customer's id"),
  listId: idSchema.describe("The list's id"),
});

export const listMemberBodySchema = z.object({ data: membershipSchema });

export const listMembersBatchBodySchema = z.object({
  items: z
    .array(membershipSchema, { error: "must be an array" })
    .min(1, "must hold at least one item")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} items`)
    .describe(`At most ${MAX_BATCH} memberships; all are added or none`),
});

export const removeFromListQuerySchema = z.object({
  listId: idSchema.describe("The list to remove the customers from"),
  customerIds: z
    .string({ error: "is required (comma-separated customer ids)" })
    .transform((s, ctx) => {
      const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
      const bad = parts.filter((p) => !/^\d{1,15}$/.test(p) || Number(p) < 1);
      if (!parts.length || bad.length) {
        ctx.addIssue({ code: "custom", message: bad.length ? `not customer ids: ${bad.slice(0, 5).join(", ")}` : "is required" });
        return z.NEVER;
      }
      if (parts.length > MAX_BATCH) {
        ctx.addIssue({ code: "custom", message: `at most ${MAX_BATCH} ids` });
        return z.NEVER;
      }
      return parts.map(Number);
    })
    .describe("Customer ids separated by commas"),
});

export const MEMBER_SIDX = { id: "id", listId: "groupId", customerId: "customerId" } as const;

export const listMembersQuerySchema = z.object({
  listId: idSchema.optional().describe("Only members of this list"),
  customerId: idSchema.optional().describe("Only memberships of this customer"),
  sinceId: int("an integer")
    .optional()
    .describe("Boundary of the sidx field: rows above it ascending, below it descending (keyset paging)"),
  rows: rowsSchema(MAX_MEMBER_PAGE, 20),
  sidx: z
    .enum(["id", "listId", "customerId"], { error: "must be one of id, listId, customerId" })
    .default("customerId")
    .describe("Sort field: id, listId or customerId (default); ties by id"),
  sord: sordSchema,
});

/** `2016-11-11T11:11:11` (UTC, as the seed writes it); a trailing Z and milliseconds are accepted. */
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z?$/;

export interface WireInstant {
  at: Date;
  /** the instant just past the precision written: the next second, or the next millisecond */
  end: Date;
}

const utcTimeSchema = z.string({ error: "must be a time like 2016-11-11T11:11:11 (UTC)" }).transform((s, ctx): WireInstant => {
  const m = UTC_TIME.exec(s.trim());
  const d = m ? new Date(s.trim().replace(/Z?$/, "Z")) : new Date(NaN);
  const year = m ? Number(m[1]) : 0;
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 19) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` || year < 1900 || year > 2999) {
    ctx.addIssue({ code: "custom", message: "must be a time like 2016-11-11T11:11:11 (UTC), year 1900–2999" });
    return z.NEVER;
  }
  return { at: d, end: new Date(d.getTime() + (m[7] ? 1 : 1000)) };
});

export const memberCountQuerySchema = z.object({
  listId: idSchema.describe("The list"),
  joinListDateSince: utcTimeSchema.optional().describe("Earliest join time, included (UTC, 2016-11-11T11:11:11)"),
  joinListDateTo: utcTimeSchema.optional().describe("Latest join time, included to the second (UTC, 2016-11-11T11:11:11)"),
});

// ─── answers ─────────────────────────────────────────────────────────────────────────────────

/** `2017-06-07T12:20:20Z`: UTC to the second, as the seed writes it. */
export const wireTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export const wireListSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    dateCreated: z.string().describe("UTC, 2017-06-07T12:20:20Z"),
    lastUpdated: z.string().describe("UTC, 2017-06-07T12:20:20Z"),
  })
  .meta({ id: "ListsList" });

export const wireMemberSchema = z
  .object({
    id: z.number().int().describe("The membership id"),
    listId: z.number().int(),
    customerId: z.number().int(),
    dateCreated: z.string().describe("When the customer joined the list (UTC)"),
    lastUpdated: z.string(),
  })
  .meta({ id: "ListsMember" });

export const toWireList = (g: GroupRow) => ({ id: g.id, name: g.name, dateCreated: wireTime(g.createdAt), lastUpdated: wireTime(g.updatedAt) });

export const toWireMember = (m: MemberRow) => ({
  id: Number(m.id),
  listId: m.groupId,
  customerId: m.customerId,
  dateCreated: wireTime(m.joinedAt),
  lastUpdated: wireTime(m.updatedAt),
});
