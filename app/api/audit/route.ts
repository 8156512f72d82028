import { auditFacets, auditQuerySchema, listAuditEntries } from "@/lib/audit/query";
import { z } from "zod";
import { withSession } from "@/lib/http/with-session";

const query = auditQuerySchema.extend({ facets: z.enum(["0", "1"]).optional() });

/** GET (admin): a page of the audit log, newest first, `?actor=user:1&entity=Customer&from=2026-11-01&to=2026-11-30&page=2`; `facets` lists the filter's choices. */
export const GET = withSession({ permission: "admin", query }, async ({ tenantId, user, query }) => ({
  ...(await listAuditEntries(tenantId, query, user.tenant.timeZone)),
  facets: query.facets === "1" ? await auditFacets(tenantId) : undefined,
}));
