import { withSession } from "@/lib/http/with-session";
import { idParams, runsQuery } from "@/lib/scenarios/console";
import { listScenarioRuns } from "@/lib/scenarios/service";

/** GET ?page&pageSize&status → RunsPage {items: RunView[] (each with its steps), total, page, pageSize}. */
export const GET = withSession({ permission: "read", params: idParams, query: runsQuery }, ({ tenantId, params, query }) => listScenarioRuns(tenantId, params.id, query));
