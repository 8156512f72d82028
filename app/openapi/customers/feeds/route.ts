import { methodsOf, withApiKey } from "@/lib/http/with-api-key";
import { feedsAction } from "@/lib/openapi/customers/actions";
import { customersDialect } from "@/lib/openapi/customers/envelope";
import { feedsQuerySchema } from "@/lib/openapi/customers/wire-schemas";

/** GET feeds?feed_type=&type=&content=&page=&page_size= — one kind of a customer's history, newest first. */
const get = withApiKey(customersDialect, { scopes: ["customers:read"], query: feedsQuerySchema }, ({ principal, query }) =>
  feedsAction(principal, query),
);

export const { GET, POST, PUT, PATCH, DELETE } = methodsOf(customersDialect, { GET: get });
