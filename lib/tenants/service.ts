import { z } from "zod";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { DEFAULT_EVENT_CATEGORIES, DEFAULT_OPTIONS, DEFAULT_STAGES } from "./defaults";

export const createTenantSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "slug: 2–40 lowercase letters, digits or dashes"),
  name: z.string().trim().min(1, "name is required").max(200),
  timeZone: z
    .string()
    .default("Asia/Shanghai")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "unknown time zone"),
});

/** Creates a tenant with its default stages, event categories and option lists, in one transaction. */
export async function createTenant(input: z.input<typeof createTenantSchema>) {
  const data = createTenantSchema.parse(input);
  if (await db.tenant.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
    throw fail("tenant_taken", `tenant "${data.slug}" already exists`, { path: "slug", params: { slug: data.slug } });
  }
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.create({ data });
    await tx.lifecycleStage.createMany({ data: DEFAULT_STAGES.map((s) => ({ ...s, tenantId: tenant.id })) });
    await tx.eventCategory.createMany({
      data: DEFAULT_EVENT_CATEGORIES.map((c) => ({ ...c, tenantId: tenant.id })),
    });
    await tx.optionItem.createMany({
      data: Object.entries(DEFAULT_OPTIONS).flatMap(([list, items]) =>
        items.map((item, i) => ({ ...item, list, sort: i, tenantId: tenant.id })),
      ),
    });
    return tenant;
  });
}

export async function tenantBySlug(slug: string) {
  const tenant = await db.tenant.findUnique({ where: { slug } });
  if (!tenant) throw fail("tenant_not_found", `tenant "${slug}" not found`, { params: { slug } });
  return tenant;
}
