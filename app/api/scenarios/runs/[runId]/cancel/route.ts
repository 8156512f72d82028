import { withSession } from "@/lib/http/with-session";
import { runParams } from "@/lib/scenarios/console";
import { cancelRun } from "@/lib/scenarios/service";

/** POST → RunView. */
export const POST = withSession({ permission: "write", params: runParams }, ({ tenantId, params }) => cancelRun(tenantId, params.runId));
