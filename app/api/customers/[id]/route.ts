import { authorOfUser } from "@/lib/customers/author";
import { getCustomerProfile, updateCustomerFromForm } from "@/lib/customers/profiles";
import { consoleCustomerPatchSchema } from "@/lib/customers/phone";
import { customerIdParamsSchema } from "@/lib/customers/schemas";
import { deleteCustomer } from "@/lib/customers/service";
import { withSession } from "@/lib/http/with-session";

const params = customerIdParamsSchema;

/** GET: the full CustomerProfile (phones, labels, custom fields, owner, stage, score…). */
export const GET = withSession({ permission: "read", params }, ({ tenantId, params }) => getCustomerProfile(tenantId, params.id));

/** PATCH: any subset of the form's fields; every change is recorded in the change feed. */
export const PATCH = withSession({ permission: "write", params, body: consoleCustomerPatchSchema }, ({ tenantId, user, params, body }) =>
  updateCustomerFromForm(tenantId, authorOfUser(user), params.id, body),
);

/** DELETE: soft delete; answers `{id}`. */
export const DELETE = withSession({ permission: "write", params }, ({ tenantId, user, params }) =>
  deleteCustomer(tenantId, authorOfUser(user), params.id),
);
