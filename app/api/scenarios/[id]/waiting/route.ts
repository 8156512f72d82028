import { withSession } from "@/lib/http/with-session";
import { idParams } from "@/lib/scenarios/console";
import { waitingPerStep } from "@/lib/scenarios/service";

/** GET → [{stepId, waiting}]: customers at each step now. */
export const GET = withSession({ permission: "read", params: idParams }, ({ tenantId, params }) => waitingPerStep(tenantId, params.id));
