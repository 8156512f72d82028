import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { createLabelSchema } from "@/lib/labels/schemas";
import { createLabel, listLabels } from "@/lib/labels/service";

/** GET: `{items: Label[]}` (with each label's live customer count), by name. */
export const GET = withSession({ permission: "read" }, async ({ tenantId }) => ({ items: await listLabels(tenantId) }));

/** POST {name}: answers the Label (201). Labels also come into being when a customer first uses them. */
export const POST = withSession({ permission: "write", body: createLabelSchema, status: 201 }, ({ tenantId, user, body }) =>
  createLabel(tenantId, body, actorOfUser(user)),
);
