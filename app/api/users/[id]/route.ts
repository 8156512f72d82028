import { z } from "zod";
import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { updateUserSchema } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serializers";
import { updateUser } from "@/lib/users/service";

const params = z.object({ id: z.coerce.number().int().positive() });

/** Change a user's name, login number, role, department or password, or disable / re-enable them (audited). */
export const PATCH = withSession({ permission: "admin", params, body: updateUserSchema }, async ({ tenantId, user, params, body }) =>
  serializeUser(await updateUser(tenantId, params.id, body, user.id, actorOfUser(user))),
);
