import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { createStageSchema } from "@/lib/stages/schemas";
import { createStage, listStages } from "@/lib/stages/service";

export const GET = withSession({ permission: "read" }, ({ tenantId }) => listStages(tenantId));

export const POST = withSession({ permission: "write", body: createStageSchema, status: 201 }, ({ tenantId, user, body }) =>
  createStage(tenantId, body, actorOfUser(user)),
);
