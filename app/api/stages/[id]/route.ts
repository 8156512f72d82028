import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { stageIdParamsSchema, updateStageSchema } from "@/lib/stages/schemas";
import { deleteStage, getStage, updateStage } from "@/lib/stages/service";

const params = stageIdParamsSchema;

export const GET = withSession({ permission: "read", params }, ({ tenantId, params: { id } }) => getStage(tenantId, id));

export const PATCH = withSession({ permission: "write", params, body: updateStageSchema }, ({ tenantId, user, params: { id }, body }) =>
  updateStage(tenantId, id, body, actorOfUser(user)),
);

/** 409 while an event type or a customer uses the stage. */
export const DELETE = withSession({ permission: "write", params }, async ({ tenantId, user, params: { id } }) => {
  await deleteStage(tenantId, id, actorOfUser(user));
  return { id, deleted: true };
});
