import { previewSchema } from "@/lib/segments/schemas";
import { previewRules } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** POST {rules} → {count, members (first 20)} for the live builder; a bad rule is a 400 naming its path. */
export const POST = withSession({ permission: "read", body: previewSchema }, ({ tenantId, body }) => previewRules(tenantId, body.rules));
