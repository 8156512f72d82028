import { withSession } from "@/lib/http/with-session";
import { runParams } from "@/lib/scenarios/console";
import { getRun } from "@/lib/scenarios/service";

/** GET → RunView: one run with its step log (the run history's "this run", linked from a customer's timeline). */
export const GET = withSession({ permission: "read", params: runParams }, ({ tenantId, params }) => getRun(tenantId, params.runId));
