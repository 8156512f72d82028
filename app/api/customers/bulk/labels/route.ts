import { authorOfUser } from "@/lib/customers/author";
import { bulkAddLabels, bulkLabelsSchema } from "@/lib/customers/bulk";
import { withSession } from "@/lib/http/with-session";

/** POST: adds labels (new names become labels) to the selected customers, in one transaction with an audit row; answers `{count}`. */
export const POST = withSession({ permission: "write", body: bulkLabelsSchema }, ({ tenantId, user, body }) =>
  bulkAddLabels(tenantId, authorOfUser(user), body),
);
