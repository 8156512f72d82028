import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { createTaskSchema } from "@/lib/tasks/schemas";
import { createTask, listTasks } from "@/lib/tasks/service";

/** GET: `{items: Task[]}`. */
export const GET = withSession({ permission: "read" }, async ({ tenantId }) => ({ items: await listTasks(tenantId) }));

/** POST {name}: answers the task (201). */
export const POST = withSession({ permission: "write", body: createTaskSchema, status: 201 }, ({ tenantId, user, body }) =>
  createTask(tenantId, body, actorOfUser(user)),
);
