import { z } from "zod";
import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { updateDepartmentSchema } from "@/lib/departments/schemas";
import { deleteDepartment, getDepartment, updateDepartment } from "@/lib/departments/service";

const params = z.object({ id: z.coerce.number().int().positive() });

export const GET = withSession({ permission: "read", params }, ({ tenantId, params }) => getDepartment(tenantId, params.id));

/** PATCH {name}: rename. */
export const PATCH = withSession({ permission: "write", params, body: updateDepartmentSchema }, ({ tenantId, user, params, body }) =>
  updateDepartment(tenantId, params.id, body, actorOfUser(user)),
);

/** DELETE: only while no customer (or staff member) belongs to it, else 409; answers `{id}`. */
export const DELETE = withSession({ permission: "write", params }, async ({ tenantId, user, params }) => {
  await deleteDepartment(tenantId, params.id, actorOfUser(user));
  return { id: params.id };
});
