import { authorOfUser } from "@/lib/customers/author";
import { importBodySchema, importCustomers } from "@/lib/customers/import";
import { withSession } from "@/lib/http/with-session";

/** POST `{rows:[{line, values}]}`: a dry run of the import with create's own rules; writes nothing. */
export const POST = withSession({ permission: "write", body: importBodySchema }, ({ tenantId, user, body }) =>
  importCustomers(tenantId, authorOfUser(user), body.rows, { dryRun: true }),
);
