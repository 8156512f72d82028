import { removeListMemberAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { listIdParamsSchema } from "@/lib/openapi/lists/wire";

/** lists dialect: DELETE one membership by its id. */
export const DELETE = listsRoute({ scopes: ["groups:write"], params: listIdParamsSchema }, ({ tenantId, params }) =>
  removeListMemberAction(tenantId, params.id),
);
