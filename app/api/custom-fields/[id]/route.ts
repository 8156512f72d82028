import { z } from "zod";
import { actorOfUser } from "@/lib/audit/audit";
import { updateCustomFieldSchema } from "@/lib/custom-fields/schemas";
import { deleteCustomField, getCustomField, updateCustomField } from "@/lib/custom-fields/service";
import { withSession } from "@/lib/http/with-session";

const params = z.object({ id: z.coerce.number().int().positive() });

export const GET = withSession({ permission: "read", params }, ({ tenantId, params }) => getCustomField(tenantId, params.id));

/** PATCH: rename, re-sort, toggle required, edit options; the type only while no customer has a value. */
export const PATCH = withSession({ permission: "write", params, body: updateCustomFieldSchema }, ({ tenantId, user, params, body }) =>
  updateCustomField(tenantId, params.id, body, actorOfUser(user)),
);

/** DELETE: removes the definition and its values; answers `{id}`. */
export const DELETE = withSession({ permission: "write", params }, async ({ tenantId, user, params }) => {
  await deleteCustomField(tenantId, params.id, actorOfUser(user));
  return { id: params.id };
});
