import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { filterCustomersAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";

/** GET filter_customers: the option lists, staff login numbers and tasks a customer may use. */
const get = withApiKey(customersDialect, { scopes: ["customers:read"] }, ({ principal }) => filterCustomersAction(principal));

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { GET: get });
