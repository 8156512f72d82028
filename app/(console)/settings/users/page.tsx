import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { requireUser } from "@/lib/auth/session";
import { serializeUser } from "@/lib/users/serializers";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireUser("admin");
  // first paint from the server; react-query takes over for refreshes after writes
  const items = (await listUsers(admin.tenantId)).map(serializeUser);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="Users"
        description="People who sign in to the console. Admins manage users and API keys; marketers edit data; viewers read."
        actions={<CreateUserDialog />}
      />
      <UsersTable initialData={{ items, total: items.length }} currentUserId={admin.id} timeZone={admin.tenant.timeZone} />
    </>
  );
}
