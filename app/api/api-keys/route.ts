import { createApiKey, createApiKeySchema, listApiKeys } from "@/lib/access/api-keys";
import { serializeApiKey, type ApiKeyListDto, type CreatedApiKeyDto } from "@/lib/access/serializers";
import { withSession } from "@/lib/http/with-session";

export const GET = withSession({ permission: "admin" }, async ({ tenantId }): Promise<ApiKeyListDto> => {
  const now = new Date();
  const items = (await listApiKeys(tenantId)).map((k) => serializeApiKey(k, now));
  return { items, total: items.length };
});

/** Answers the secret in clear: this is the only time it is shown. */
export const POST = withSession(
  { permission: "admin", body: createApiKeySchema, status: 201 },
  async ({ tenantId, user, body }): Promise<CreatedApiKeyDto> => createApiKey(tenantId, body, user.id),
);
