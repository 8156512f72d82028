import { z } from "zod";
import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { updateOptionSchema } from "@/lib/options/schemas";
import { deleteOption, updateOption } from "@/lib/options/service";

const params = z.object({ id: z.coerce.number().int().positive() });

/** PATCH {name?, value?, sort?}: rename, recode or re-sort; answers the OptionItem. */
export const PATCH = withSession({ permission: "write", params, body: updateOptionSchema }, ({ tenantId, user, params, body }) =>
  updateOption(tenantId, params.id, body, actorOfUser(user)),
);

/** DELETE: only while no customer holds the option, else 409; answers `{id}`. */
export const DELETE = withSession({ permission: "write", params }, async ({ tenantId, user, params }) => {
  await deleteOption(tenantId, params.id, actorOfUser(user));
  return { id: params.id };
});
