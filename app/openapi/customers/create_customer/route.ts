import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { createCustomerAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { customerBodySchema } from "@/lib/openapi/customers/wire-schemas";

/** POST create_customer {customer:{…}} — answers `customer:{…}`. */
const post = withApiKey(customersDialect, { scopes: ["customers:write"], body: customerBodySchema }, ({ principal, body }) =>
  createCustomerAction(principal, body),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { POST: post });
