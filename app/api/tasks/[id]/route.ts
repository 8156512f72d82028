import { z } from "zod";
import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { updateTaskSchema } from "@/lib/tasks/schemas";
import { deleteTask, getTask, updateTask } from "@/lib/tasks/service";

const params = z.object({ id: z.coerce.number().int().positive() });

export const GET = withSession({ permission: "read", params }, ({ tenantId, params }) => getTask(tenantId, params.id));

/** PATCH {name}: rename. */
export const PATCH = withSession({ permission: "write", params, body: updateTaskSchema }, ({ tenantId, user, params, body }) =>
  updateTask(tenantId, params.id, body, actorOfUser(user)),
);

/** DELETE: only while no customer (or staff member) belongs to it, else 409; answers `{id}`. */
export const DELETE = withSession({ permission: "write", params }, async ({ tenantId, user, params }) => {
  await deleteTask(tenantId, params.id, actorOfUser(user));
  return { id: params.id };
});
