import { methodsOf } from "@/lib/http/with-api-key";
import { listsDialect } from "@/lib/openapi/lists/envelope";
import { addListMembersBatchAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { listMembersBatchBodySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: POST {items:[{customerId, listId}…]} — all or none; an unknown id is a 400 naming its item. */
const postHandler = listsRoute(
  { scopes: ["groups:write"], body: listMembersBatchBodySchema, asInvalid: ["not_found"] },
  ({ tenantId, body }) => addListMembersBatchAction(tenantId, body.items),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(listsDialect, { POST: postHandler });
