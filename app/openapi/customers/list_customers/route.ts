import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { listCustomersAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { listQuerySchema } from "@/lib/openapi/customers/wire-schemas";

/** GET list_customers?filters=&query=&page=&operator= — 20 per page, at most 10,000 in all. */
const get = withApiKey(customersDialect, { scopes: ["customers:read"], query: listQuerySchema }, ({ principal, query }) =>
  listCustomersAction(principal, query),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { GET: get });
