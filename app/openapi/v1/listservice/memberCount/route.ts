import { memberCountAction } from "@/lib/openapi/lists/actions";
import { listsRoute } from "@/lib/openapi/lists/route";
import { memberCountQuerySchema } from "@/lib/openapi/lists/wire";

/** lists dialect: GET ?listId=&joinListDateSince=&joinListDateTo= (UTC, both ends included) → {count: n}. */
export const GET = listsRoute({ scopes: ["groups:read"], query: memberCountQuerySchema }, ({ tenantId, query }) =>
  memberCountAction(tenantId, query),
);
