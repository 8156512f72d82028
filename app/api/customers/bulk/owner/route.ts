import { authorOfUser } from "@/lib/customers/author";
import { bulkSetOwner, bulkOwnerSchema } from "@/lib/customers/bulk";
import { withSession } from "@/lib/http/with-session";

/** POST: sets or clears the owner of the selected customers, in one transaction with an audit row; answers `{count}`. */
export const POST = withSession({ permission: "write", body: bulkOwnerSchema }, ({ tenantId, user, body }) =>
  bulkSetOwner(tenantId, authorOfUser(user), body),
);
