import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { destroyCustomerAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { lookupQuerySchema } from "@/lib/openapi/customers/wire-schemas";

/** DELETE destroy_customer?type=&content= — soft delete; answers `customer_id`. */
const destroy = withApiKey(customersDialect, { scopes: ["customers:write"], query: lookupQuerySchema }, ({ principal, query }) =>
  destroyCustomerAction(principal, query),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { DELETE: destroy });
