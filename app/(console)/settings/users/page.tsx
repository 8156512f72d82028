import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/departments/service";
import { serializeUser } from "@/lib/users/serializers";
import { listUsers } from "@/lib/users/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const admin = await requireUser("admin");
  // first paint from the server; react-query takes over for refreshes after writes
  const [t, users, departments] = await Promise.all([getTranslations("users"), listUsers(admin.tenantId), listDepartments(admin.tenantId)]);
  const items = users.map(serializeUser);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: t("breadcrumb") }]}
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex gap-2">
            <Button variant="outline" asChild>
              <Link href="/settings/audit">
                <History /> {t("auditLink")}
              </Link>
            </Button>
            <CreateUserDialog />
          </div>
        }
      />
      <UsersTable
        initialData={{ items, total: items.length }}
        currentUserId={admin.id}
        departments={departments.map((d) => ({ id: d.id, name: d.name }))}
      />
    </>
  );
}
