import { actorOfUser } from "@/lib/audit/audit";
import { withSession } from "@/lib/http/with-session";
import { createOptionSchema } from "@/lib/options/schemas";
import { createOption, listOptionLists } from "@/lib/options/service";

/** GET: `{custType: OptionItem[], dealFlag: OptionItem[], custFrom: OptionItem[]}`. */
export const GET = withSession({ permission: "read" }, ({ tenantId }) => listOptionLists(tenantId));

/** POST {list, name, value?, sort?}: adds an option; answers the OptionItem (201). */
export const POST = withSession({ permission: "write", body: createOptionSchema, status: 201 }, ({ tenantId, user, body }) =>
  createOption(tenantId, body, actorOfUser(user)),
);
