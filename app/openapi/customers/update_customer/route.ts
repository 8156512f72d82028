import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { updateCustomerAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { customerBodySchema, lookupQuerySchema } from "@/lib/openapi/customers/wire-schemas";

/** PUT update_customer?type=&content= {customer:{…}} — a partial update; answers `customer:{…}`. */
const put = withApiKey(
  customersDialect,
  { scopes: ["customers:write"], query: lookupQuerySchema, body: customerBodySchema },
  ({ principal, query, body }) => updateCustomerAction(principal, query, body),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { PUT: put });
