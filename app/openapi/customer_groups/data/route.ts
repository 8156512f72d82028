import { searchGroupsAction } from "@/lib/openapi/groups/actions";
import { groupsRoute } from "@/lib/openapi/groups/route";
import { groupSearchBodySchema, pageQuerySchema } from "@/lib/openapi/groups/wire";

/** groups dialect: POST ?offset=&limit= {querys:[{name:"name", op, values}], sorts:[{name:"name", order}]}. */
export const POST = groupsRoute({ scopes: ["groups:read"], query: pageQuerySchema, body: groupSearchBodySchema }, ({ tenantId, query, body }) =>
  searchGroupsAction(tenantId, query, body),
);

// A group may be named "data": GET, PATCH and DELETE of /customer_groups/data address it (POST is the search).
export { DELETE, GET, PATCH } from "../[name]/route";
