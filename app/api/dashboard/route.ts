import { getDashboard } from "@/lib/dashboard/service";
import { withSession } from "@/lib/http/with-session";

/** GET: the tenant's DashboardSummary (customers, events today / this week / per day, top event types). */
export const GET = withSession({ permission: "read" }, ({ tenantId }) => getDashboard(tenantId));
