import { withSession } from "@/lib/http/with-session";
import { searchConsole, searchQuerySchema } from "@/lib/search/service";

/** GET ?q=: up to six customers (name or phone contains) and six event types (key or name contains) of the tenant. */
export const GET = withSession({ permission: "read", query: searchQuerySchema }, ({ tenantId, query }) => searchConsole(tenantId, query.q));
