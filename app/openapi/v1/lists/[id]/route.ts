import { deleteListAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { listIdParamsSchema } from "@/lib/openapi/lists/wire";

/** lists dialect: DELETE a list with its memberships (its customers stay). */
export const DELETE = listsRoute({ scopes: ["groups:write"], params: listIdParamsSchema }, ({ tenantId, params }) =>
  deleteListAction(tenantId, params.id),
);
