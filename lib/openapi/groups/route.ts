import { groupDialectRoute } from "@/lib/openapi/lists/route";
import { groupsDialect, groupsError } from "./envelope";

/** `export const GET = groupsRoute({scopes: ["groups:read"], query: schema}, ({tenantId, url, query}) => …)` */
export const groupsRoute = groupDialectRoute(groupsDialect, groupsError);
