import { z } from "zod";
import { revokeApiKey } from "@/lib/access/api-keys";
import { withSession } from "@/lib/http/with-session";

const params = z.object({ id: z.coerce.number().int().positive() });

/** Revokes the key (kept for the record, refused from now on); its bearer tokens are dropped. */
export const DELETE = withSession({ permission: "admin", params }, async ({ tenantId, params }) => {
  await revokeApiKey(tenantId, params.id);
  return { id: params.id, status: "revoked" as const };
});
