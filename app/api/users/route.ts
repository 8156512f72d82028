import { withSession } from "@/lib/http/with-session";
import { createUserSchema } from "@/lib/users/schemas";
import { serializeUser, type UserListDto } from "@/lib/users/serializers";
import { createUser, listUsers } from "@/lib/users/service";

export const GET = withSession({ permission: "admin" }, async ({ tenantId }): Promise<UserListDto> => {
  const items = (await listUsers(tenantId)).map(serializeUser);
  return { items, total: items.length };
});

export const POST = withSession({ permission: "admin", body: createUserSchema, status: 201 }, async ({ tenantId, body }) =>
  serializeUser(await createUser(tenantId, body)),
);
