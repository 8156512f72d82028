import { z } from "zod";
import { withSession } from "@/lib/http/with-session";
import { idParams } from "@/lib/scenarios/console";
import { getScenario, saveScenario } from "@/lib/scenarios/service";

/** GET → ScenarioView (with its document); PUT <scenario document> → ScenarioView (a new version when active or used). */
export const GET = withSession({ permission: "read", params: idParams }, ({ tenantId, params }) => getScenario(tenantId, params.id));
export const PUT = withSession({ permission: "write", params: idParams, body: z.unknown() }, ({ tenantId, params, body }) => saveScenario(tenantId, body, params.id));
