import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { createDepartmentSchema } from "@/lib/departments/schemas";
import { createDepartment, listDepartments } from "@/lib/departments/service";

/** GET: `{items: Department[]}`. */
export const GET = withSession({ permission: "read" }, async ({ tenantId }) => ({ items: await listDepartments(tenantId) }));

/** POST {name}: answers the department (201). */
export const POST = withSession({ permission: "write", body: createDepartmentSchema, status: 201 }, ({ tenantId, user, body }) =>
  createDepartment(tenantId, body, actorOfUser(user)),
);
