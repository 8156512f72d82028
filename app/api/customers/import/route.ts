import { authorOfUser } from "@/lib/customers/author";
import { importBodySchema, importCustomers } from "@/lib/customers/import";
import { withSession } from "@/lib/http/with-session";

/** POST `{rows:[{line, values}]}`: creates the valid rows (500 per transaction); answers created, skipped and each row's errors. */
export const POST = withSession({ permission: "write", body: importBodySchema }, ({ tenantId, user, body }) =>
  importCustomers(tenantId, authorOfUser(user), body.rows, { dryRun: false }),
);
