import { methodsOf } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { removeListMemberAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { listIdParamsSchema } from "@/lib/openapi/lists/wire";

/** lists dialect: DELETE one membership by its id. */
const deleteHandler = listsRoute({ scopes: ["groups:write"], params: listIdParamsSchema }, ({ tenantId, params }) =>
  removeListMemberAction(tenantId, params.id),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { DELETE: deleteHandler });
