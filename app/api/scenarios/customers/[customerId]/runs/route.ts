import { withSession } from "@/lib/http/with-session";
import { customerRunSummary } from "@/lib/scenarios/customer-runs";
import { customerParams } from "@/lib/scenarios/console";

/** GET → {runs, marker}: the customer's runs under way or failed (what each did is on the timeline), and a marker that changes when any of their runs moves. */
export const GET = withSession({ permission: "read", params: customerParams }, ({ tenantId, params }) => customerRunSummary(tenantId, params.customerId));
