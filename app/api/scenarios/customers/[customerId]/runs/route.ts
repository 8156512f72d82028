import { withSession } from "@/lib/http/with-session";
import { customerParams } from "@/lib/scenarios/console";
import { customerRuns } from "@/lib/scenarios/service";

/** GET → RunView[]: the customer's runs for the timeline, newest first. */
export const GET = withSession({ permission: "read", params: customerParams }, ({ tenantId, params }) => customerRuns(tenantId, params.customerId));
