import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { getCustomerAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { lookupQuerySchema } from "@/lib/openapi/customers/wire-schemas";

/** GET get_customer?type=id|custName|cellphone|companyName&content= — `result: [customer…]`. */
const get = withApiKey(customersDialect, { scopes: ["customers:read"], query: lookupQuerySchema }, ({ principal, query }) =>
  getCustomerAction(principal, query),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { GET: get });
