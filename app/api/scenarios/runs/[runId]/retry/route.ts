import { withSession } from "@/lib/http/with-session";
import { runParams } from "@/lib/scenarios/console";
import { retryRun } from "@/lib/scenarios/service";

/** POST → RunView. */
export const POST = withSession({ permission: "write", params: runParams }, ({ tenantId, params }) => retryRun(tenantId, params.runId));
