import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { createStageSchema } from "@/lib/stages/schemas";
import { createStage, listStagesWithUsage } from "@/lib/stages/service";

/** GET: the stages, each with `eventTypeCount` and `customerCount` (what would refuse its delete). */
export const GET = withSession({ permission: "read" }, ({ tenantId }) => listStagesWithUsage(tenantId));

export const POST = withSession({ permission: "write", body: createStageSchema, status: 201 }, ({ tenantId, user, body }) =>
  createStage(tenantId, body, actorOfUser(user)),
);
