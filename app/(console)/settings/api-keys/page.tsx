import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ApiKeysTable } from "@/components/access/api-keys-table";
import { CreateApiKeyDialog } from "@/components/access/create-api-key-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { listApiKeys } from "@/lib/access/api-keys";
import { serializeApiKey } from "@/lib/access/serializers";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage() {
  const admin = await requireUser("admin");
  const now = new Date();
  const [keys, t, ts] = await Promise.all([listApiKeys(admin.tenantId), getTranslations("apiKeys"), getTranslations("shell.nav")]);
  const items = keys.map((k) => serializeApiKey(k, now));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: ts("settings") }]}
        title={t("title")}
        description={t.rich("description", {
          tenant: admin.tenant.name,
          link: (c) => (
            <Link href="/docs/api" className="text-primary underline-offset-4 hover:underline">
              {c}
            </Link>
          ),
        })}
        actions={<CreateApiKeyDialog />}
      />
      <ApiKeysTable initialData={{ items, total: items.length }} />
    </>
  );
}
