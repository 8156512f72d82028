import { actorOfUser } from "@/lib/audit/audit";
import { createCustomFieldSchema } from "@/lib/custom-fields/schemas";
import { createCustomField, listCustomFields } from "@/lib/custom-fields/service";
import { withSession } from "@/lib/http/with-session";

/** GET: `{items: CustomFieldDefinition[]}` by sort. */
export const GET = withSession({ permission: "read" }, async ({ tenantId }) => ({ items: await listCustomFields(tenantId) }));

/** POST {name, type?, required?, options?, sort?}: answers the definition (201). */
export const POST = withSession({ permission: "write", body: createCustomFieldSchema, status: 201 }, ({ tenantId, user, body }) =>
  createCustomField(tenantId, body, actorOfUser(user)),
);
