import { auditFacets, auditQuerySchema, listAuditEntries } from "@/lib/audit/query";
import { withSession } from "@/lib/http/with-session";

/** GET (admin): a page of the audit log, newest first, `?actor=user:1&entity=Customer&from=2026-11-01&to=2026-11-30&page=2`; `facets` lists the filter's choices. */
export const GET = withSession({ permission: "admin", query: auditQuerySchema }, async ({ tenantId, user, query, url }) => ({
  ...(await listAuditEntries(tenantId, query, user.tenant.timeZone)),
  facets: url.searchParams.get("facets") === "1" ? await auditFacets(tenantId) : undefined,
}));
