import { db } from "@/lib/db/client";
import { customerWhere } from "@/lib/customers/list";
import { z } from "zod";

/** The command palette's search: a few customers (name or phone) and event types (key or name) of the tenant. */

export const searchQuerySchema = z.object({ q: z.string().trim().min(1, "is required").max(100) });

export interface SearchResult {
  customers: { id: number; name: string; phone: string | null }[];
  eventTypes: { id: number; eventKey: string; name: string }[];
}

export const SEARCH_LIMIT = 6;

export async function searchConsole(tenantId: number, q: string): Promise<SearchResult> {
  const where = await customerWhere(tenantId, { q });
  const [customers, eventTypes] = await Promise.all([
    db.customer.findMany({
      where,
      select: { id: true, name: true, phones: { select: { number: true }, orderBy: { id: "asc" }, take: 1 } },
      orderBy: { id: "desc" },
      take: SEARCH_LIMIT,
    }),
    db.eventType.findMany({
      where: { tenantId, archivedAt: null, OR: [{ eventKey: { contains: q } }, { name: { contains: q } }] },
      select: { id: true, eventKey: true, name: true },
      orderBy: { eventKey: "asc" },
      take: SEARCH_LIMIT,
    }),
  ]);
  return {
    customers: customers.map((c) => ({ id: c.id, name: c.name, phone: c.phones[0]?.number ?? null })),
    eventTypes,
  };
}
