import { methodsOf } from "@/lib/http/with-api-key";
import { groupsDialect } from "@/lib/openapi/groups/envelope";
import { searchGroupsAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import * as byName from "../[name]/route";
import { groupSearchBodySchema, pageQuerySchema } from "@/lib/openapi/groups/wire";

/** groups dialect: POST ?offset=&limit= {querys:[{name:"name", op, values}], sorts:[{name:"name", order}]}. */
const postHandler = groupsRoute({ scopes: ["groups:read"], query: pageQuerySchema, body: groupSearchBodySchema }, ({ tenantId, query, body }) =>
  searchGroupsAction(tenantId, query, body),
);

// A group may be named "data": GET, PATCH and DELETE of /customer_groups/data address it (POST is the search).
const named = (handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) => (req: Request) =>
  handler(req, { params: Promise.resolve({ name: "data" }) });

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(groupsDialect, {
  POST: postHandler,
  GET: named(byName.GET),
  PATCH: named(byName.PATCH),
  DELETE: named(byName.DELETE),
});
