import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/**
 * The schemas of a tenant's named list (departments, tasks), apart from its service so the console's
 * forms can import them without the database (lib/reference/named-list.ts).
 */

/** The schemas of a named list's entry: its name (trimmed, 1–100 characters), create and update bodies. */
export function namedListSchemas(description: string) {
  const name = z
    .string({ error: expected("a string") })
    .trim()
    .min(1, "is required")
    .max(100, "must be at most 100 characters")
    .describe(description);
  const create = z.object({ name });
  return { name, create, update: create.partial() };
}

export type NamedListSchemas = ReturnType<typeof namedListSchemas>;
export type NamedCreateInput = z.input<NamedListSchemas["create"]>;
export type NamedUpdateInput = z.input<NamedListSchemas["update"]>;

/** An entry as the console and the services answer it: how many live customers point at it, too. */
export interface NamedListEntry {
  id: number;
  name: string;
  customerCount: number;
  createdAt: string;
}
