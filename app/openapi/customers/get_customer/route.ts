import { withApiKey } from "@/lib/http/with-api-key";
import { getCustomerAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { lookupQuerySchema } from "@/lib/openapi/customers/wire-schemas";

/** GET get_customer?type=id|custName|cellphone|companyName&content= — `result: [customer…]`. */
export const GET = withApiKey(customersDialect, { scopes: ["customers:read"], query: lookupQuerySchema }, ({ principal, query }) =>
  getCustomerAction(principal, query),
);
