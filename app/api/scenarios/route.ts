import { z } from "zod";
import { withSession } from "@/lib/http/with-session";
import { listScenarios, saveScenario } from "@/lib/scenarios/service";

/** GET → ScenarioListItem[] (counts per state, entries per day for 30 days); POST <scenario document> → 201 ScenarioView. */
export const GET = withSession({ permission: "read" }, ({ tenantId }) => listScenarios(tenantId));
export const POST = withSession({ permission: "write", body: z.unknown(), status: 201 }, ({ tenantId, body }) => saveScenario(tenantId, body));
