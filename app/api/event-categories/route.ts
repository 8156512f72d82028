import { actorOfUser } from "@/lib/audit/audit";
import { createEventCategorySchema } from "@/lib/event-categories/schemas";
import { createEventCategory, listEventCategories } from "@/lib/event-categories/service";
import { withSession } from "@/lib/http/with-session";

export const GET = withSession({ permission: "read" }, ({ tenantId }) => listEventCategories(tenantId));

export const POST = withSession({ permission: "write", body: createEventCategorySchema, status: 201 }, ({ tenantId, user, body }) =>
  createEventCategory(tenantId, body, actorOfUser(user)),
);
