import { withSession } from "@/lib/http/with-session";
import { idParams } from "@/lib/scenarios/console";
import { setScenarioStatus } from "@/lib/scenarios/service";

/** POST → ScenarioView (resume). */
export const POST = withSession({ permission: "write", params: idParams }, ({ tenantId, params }) => setScenarioStatus(tenantId, params.id, "active"));
