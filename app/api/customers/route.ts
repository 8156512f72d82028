import { authorOfUser } from "@/lib/customers/author";
import { createCustomerFromForm, listCustomersForConsole } from "@/lib/customers/profiles";
import { consoleCustomerFormSchema } from "@/lib/customers/phone";
import { customerListQuerySchema } from "@/lib/customers/schemas";
import { withSession } from "@/lib/http/with-session";

/** GET: a page of customers `{items: CustomerRow[], page, pageSize, total, totalPages}`. */
export const GET = withSession({ permission: "read", query: customerListQuerySchema }, ({ tenantId, query }) =>
  listCustomersForConsole(tenantId, query),
);

/** POST: create; answers the CustomerProfile (201). */
export const POST = withSession({ permission: "write", body: consoleCustomerFormSchema, status: 201 }, ({ tenantId, user, body }) =>
  createCustomerFromForm(tenantId, authorOfUser(user), body),
);
