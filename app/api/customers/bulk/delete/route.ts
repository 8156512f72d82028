import { authorOfUser } from "@/lib/customers/author";
import { bulkDelete, bulkDeleteSchema } from "@/lib/customers/bulk";
import { withSession } from "@/lib/http/with-session";

/** POST: soft-deletes the selected customers, in one transaction with an audit row; answers `{count}`. */
export const POST = withSession({ permission: "write", body: bulkDeleteSchema }, ({ tenantId, user, body }) =>
  bulkDelete(tenantId, authorOfUser(user), body),
);
