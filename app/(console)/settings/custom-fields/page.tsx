import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomFieldDialog } from "@/components/custom-fields/custom-field-dialog";
import { CustomFieldsTable } from "@/components/custom-fields/custom-fields-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listCustomFields } from "@/lib/custom-fields/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customFields");
  return { title: t("title") };
}

export default async function CustomFieldsPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const [items, t, ts] = await Promise.all([listCustomFields(user.tenantId), getTranslations("customFields"), getTranslations("shell.nav")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={
          <>
            {t("description")}{" "}
            <span className="text-xs">{t.rich("apiHint", { code: (c) => <code className="font-mono">{c}</code> })}</span>
          </>
        }
        actions={
          canWrite ? (
            <CustomFieldDialog
              trigger={
                <Button>
                  <Plus /> {t("new")}
                </Button>
              }
            />
          ) : undefined
        }
      />
      <CustomFieldsTable initialData={{ items }} canWrite={canWrite} />
    </>
  );
}
