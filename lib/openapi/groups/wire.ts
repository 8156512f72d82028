import { z } from "zod";
import { fail } from "@/lib/errors";
import { customerNameSchema, GROUP_NAME_MAX, groupNameSchema, MAX_BATCH, MAX_GROUP_PAGE, storableText, type GroupNameFilter } from "@/lib/groups/schemas";

/**
 * The groups dialect's wire (seed 004, BitAnswer): groups and their customers addressed by name.
 * Requests and the OpenAPI document use these schemas.
 */

const int = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).refine((n) => Number.isInteger(n), `must be ${what}`);

export const pageQuerySchema = z.object({
  offset: int("an integer")
    .refine((n) => n >= 0, "must be 0 or more")
    .default(0)
    .describe("Index of the first item (default 0)"),
  limit: int("an integer")
    .refine((n) => n >= 1 && n <= MAX_GROUP_PAGE, `must be between 1 and ${MAX_GROUP_PAGE}`)
    .default(50)
    .describe(`Items per page, 1–${MAX_GROUP_PAGE} (default 50)`),
});

export const groupBodySchema = z.object({ name: groupNameSchema.describe("Group name (客户组名), at most 255 characters") });

const queryValue = storableText(GROUP_NAME_MAX * 4);

export const groupQuerySchema = z
  .object({
    name: z.literal("name", { error: "only name can be queried" }).describe("The field: name"),
    op: z.enum(["eq", "like", "in"], { error: "must be eq, like or in" }).describe("eq, like (% any run, _ one character, \\ escapes) or in"),
    values: z.array(queryValue, { error: "must be an array of strings" }).min(1, "must hold at least one value").max(1000, "at most 1000 values"),
  })
  .superRefine((q, ctx) => {
    if (q.op !== "in" && q.values.length !== 1) ctx.addIssue({ code: "custom", path: ["values"], message: `${q.op} takes exactly one value` });
  });

export const groupSortSchema = z.object({
  name: z.literal("name", { error: "only name can be sorted on" }).describe("The field: name"),
  order: z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("asc").describe("asc (default) or desc"),
});

export const groupSearchBodySchema = z.object({
  querys: z.array(groupQuerySchema, { error: "must be an array" }).max(20, "at most 20 conditions").default([]).describe("Conditions, all of which must hold"),
  sorts: z.array(groupSortSchema, { error: "must be an array" }).max(1, "at most one sort").default([]).describe("Sort order (default: creation order)"),
});

/** The querys as one name filter; two conditions of one op must both hold (eq/like), `in` lists intersect. */
export function toNameFilter(querys: z.output<typeof groupSearchBodySchema>["querys"]): { filter: GroupNameFilter; impossible: boolean } {
  const filter: GroupNameFilter = {};
  let impossible = false;
  const likes: string[] = [];
  for (const q of querys) {
    if (q.op === "eq") {
      if (filter.eq !== undefined && filter.eq !== q.values[0]) impossible = true;
      filter.eq = q.values[0];
    } else if (q.op === "in") {
      filter.in = filter.in ? filter.in.filter((v) => q.values.includes(v)) : [...new Set(q.values)];
    } else likes.push(q.values[0]);
  }
  if (likes.length > 1) throw fail("invalid_input", "querys: at most one like condition", { path: "querys" });
  if (likes.length) filter.like = likes[0];
  return { filter, impossible };
}

export const groupMemberItemSchema = z.object({
  name: customerNameSchema.describe("The customer's exact name (客户名)"),
  groupName: storableText(GROUP_NAME_MAX).nullish().describe("Adding: the group the customer comes from (it moves from there). Removing: this group"),
});

export const groupMembersBodySchema = z
  .array(groupMemberItemSchema, { error: "the body must be an array of {name, groupName}" })
  .min(1, "must hold at least one customer")
  .max(MAX_BATCH, `must hold at most ${MAX_BATCH} customers`);

/**
 * The `{name}` of `/openapi/customer_groups/{name}[/customers]`: Next hands it over percent-decoded
 * once (names are often Chinese; a name may itself hold `%`, sent as `%25`).
 */
export const groupNameParams = z.object({ name: z.string().pipe(groupNameSchema) });

// ─── answers ─────────────────────────────────────────────────────────────────────────────────

export const wireGroupSchema = z.object({ name: z.string() }).meta({ id: "GroupsGroup" });
export const wireGroupMemberSchema = z.object({ name: z.string().describe("Customer name"), groupName: z.string() }).meta({ id: "GroupsCustomer" });

export const groupsOk = (data: z.ZodType) => z.object({ status: z.literal(0), data });
export const groupsPage = (item: z.ZodType) => z.object({ total: z.number().int().optional(), items: z.array(item) });
export const groupsErrorSchema = z
  .object({ status: z.number().int().describe("The HTTP status (never 0)"), message: z.string().describe("What was wrong, naming the field or item") })
  .meta({ id: "GroupsError" });
